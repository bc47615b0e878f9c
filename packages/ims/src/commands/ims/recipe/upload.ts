import * as Args from '@oclif/core/args';
import { ImsCommand, imsFlags } from '../../../cli/ims-command.js';
import { keyValues } from '../../../cli/key-value-flags.js';
import type { RecipeCreate as RecipeInput } from '../../../resources/recipes.js';
import { recipeFlags } from './create.js';

export default class RecipeUpload extends ImsCommand<typeof RecipeUpload> {
  static override summary =
    'Upload a recipe archive to S3 and link it (reuses a same-name recipe with the same archive)';
  static override args = {
    name: Args.string({ description: 'recipe name', required: true }),
    file: Args.string({ description: 'recipe archive (.tar.gz)', required: true }),
  };
  static override flags = { ...imsFlags, ...recipeFlags };

  async run(): Promise<void> {
    const template = keyValues(this.flags.template, 'template');
    const ims = await this.client();
    const recipe = await ims.uploadRecipe({
      name: this.args.name,
      path: this.args.file,
      linuxDistribution: this.flags.distro as RecipeInput['linux_distribution'],
      recipeType: this.flags['recipe-type'] as RecipeInput['recipe_type'],
      templateDictionary: template,
      ...(this.flags.arch ? { arch: this.flags.arch as 'x86_64' | 'aarch64' } : {}),
      ...(this.flags['require-dkms'] === undefined ? {} : { requireDkms: this.flags['require-dkms'] }),
    });
    this.printResult(recipe);
  }
}
