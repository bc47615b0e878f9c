import { ValidationError } from '@nimbus-sdk/core';
import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import { ImsCommand, imsFlags } from '../../../cli/ims-command.js';
import { keyValues } from '../../../cli/key-value-flags.js';
import type { ImageRecord } from '../../../resources/images.js';

export default class ImageUpdate extends ImsCommand<typeof ImageUpdate> {
  static override summary =
    "Change an image's arch or metadata (the link is write-once: upload-artifacts sets it)";
  static override args = { id: Args.string({ description: 'image id', required: true }) };
  static override flags = {
    ...imsFlags,
    arch: Flags.string({ description: 'architecture', options: ['x86_64', 'aarch64'] }),
    'set-metadata': Flags.string({ description: 'set metadata KEY=VALUE (repeatable)', multiple: true }),
    'remove-metadata': Flags.string({ description: 'remove a metadata KEY (repeatable)', multiple: true }),
  };

  async run(): Promise<void> {
    const set = keyValues(this.flags['set-metadata'], 'set-metadata');
    const remove = this.flags['remove-metadata'] ?? [];
    if (!this.flags.arch && Object.keys(set).length === 0 && remove.length === 0) {
      throw new ValidationError('Nothing to change: give --arch, --set-metadata or --remove-metadata', [
        { path: 'flags', message: 'no change given' },
      ]);
    }
    const ims = await this.client();
    const id = this.args.id;
    // IMS changes one metadata key per PATCH.
    let image: ImageRecord | undefined;
    if (this.flags.arch)
      image = await ims.images.update(id, { arch: this.flags.arch as 'x86_64' | 'aarch64' });
    for (const [key, value] of Object.entries(set)) image = await ims.images.setMetadata(id, key, value);
    for (const key of remove) image = await ims.images.removeMetadata(id, key);
    this.printResult(image as ImageRecord);
  }
}
