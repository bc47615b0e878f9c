import * as Args from '@oclif/core/args';
import { ImsCommand, imsFlags } from '../../../cli/ims-command.js';

export default class DeletedImageUndelete extends ImsCommand<typeof DeletedImageUndelete> {
  static override summary = 'Restore a soft-deleted image and its S3 objects';
  static override args = { id: Args.string({ description: 'deleted image id', required: true }) };
  static override flags = { ...imsFlags };

  async run(): Promise<void> {
    const ims = await this.client();
    await ims.v3.deletedImages.undelete(this.args.id);
    this.printResult(await ims.images.get(this.args.id));
  }
}
