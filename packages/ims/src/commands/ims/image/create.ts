import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import { ImsCommand, imsFlags } from '../../../cli/ims-command.js';
import { keyValues } from '../../../cli/key-value-flags.js';

export default class ImageCreate extends ImsCommand<typeof ImageCreate> {
  static override summary = 'Create an image record (link it with `image upload-artifacts`)';
  static override args = { name: Args.string({ description: 'image name', required: true }) };
  static override flags = {
    ...imsFlags,
    arch: Flags.string({ description: 'architecture', options: ['x86_64', 'aarch64'] }),
    metadata: Flags.string({ description: 'metadata KEY=VALUE (repeatable)', multiple: true }),
  };

  async run(): Promise<void> {
    const metadata = keyValues(this.flags.metadata, 'metadata');
    const ims = await this.client();
    const image = await ims.images.create({
      name: this.args.name,
      ...(this.flags.arch ? { arch: this.flags.arch as 'x86_64' | 'aarch64' } : {}),
      ...(Object.keys(metadata).length > 0 ? { metadata } : {}),
    });
    this.printResult(image);
  }
}
