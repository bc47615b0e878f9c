import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import { DciCommand, dciFlags } from '../../../../cli/dci-command.js';

export default class ComponentFileDelete extends DciCommand<typeof ComponentFileDelete> {
  static override summary = 'Delete a component file (If-Match: --etag, or the current one)';
  static override args = {
    'component-id': Args.string({ description: 'component id', required: true }),
    'file-id': Args.string({ description: 'component file id', required: true }),
  };
  static override flags = {
    ...dciFlags,
    etag: Flags.string({ description: 'Expected ETag; the delete fails if the file changed since' }),
  };
  async run(): Promise<void> {
    const id = this.args['file-id'];
    const dci = await this.client();
    await dci.components.deleteFile(this.args['component-id'], id, { etag: this.flags.etag });
    this.outputOne({ id, deleted: true }, ['id', 'deleted']);
  }
}
