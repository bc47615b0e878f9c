import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import { ImsCommand, imsFlags } from '../../../cli/ims-command.js';
import { keyValues } from '../../../cli/key-value-flags.js';
import type { RecipeCreate as RecipeInput } from '../../../resources/recipes.js';

/** Flags shared by `recipe create` and `recipe upload`. */
export const recipeFlags = {
  distro: Flags.string({
    description: 'linux distribution',
    options: ['sles12', 'sles15', 'centos7'],
    required: true,
  }),
  'recipe-type': Flags.string({
    description: 'recipe type',
    options: ['kiwi-ng', 'packer'],
    default: 'kiwi-ng',
  }),
  arch: Flags.string({ description: 'architecture', options: ['x86_64', 'aarch64'] }),
  'require-dkms': Flags.boolean({
    description: 'require DKMS in builds (server default: yes)',
    allowNo: true,
  }),
  template: Flags.string({ description: 'template variable KEY=VALUE (repeatable)', multiple: true }),
};

export default class RecipeCreate extends ImsCommand<typeof RecipeCreate> {
  static override summary = 'Create a recipe record without an archive (`recipe upload` also uploads one)';
  static override args = { name: Args.string({ description: 'recipe name', required: true }) };
  static override flags = { ...imsFlags, ...recipeFlags };

  async run(): Promise<void> {
    const template = keyValues(this.flags.template, 'template');
    const ims = await this.client();
    const input: RecipeInput = {
      name: this.args.name,
      recipe_type: this.flags['recipe-type'] as RecipeInput['recipe_type'],
      linux_distribution: this.flags.distro as RecipeInput['linux_distribution'],
      ...(Object.keys(template).length > 0 ? { template_dictionary: template } : {}),
      ...(this.flags.arch ? { arch: this.flags.arch as RecipeInput['arch'] & string } : {}),
      ...(this.flags['require-dkms'] === undefined ? {} : { require_dkms: this.flags['require-dkms'] }),
    };
    this.printResult(await ims.recipes.create(input));
  }
}
