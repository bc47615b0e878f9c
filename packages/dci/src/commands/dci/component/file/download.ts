import * as Args from '@oclif/core/args';
import { DciCommand, dciFlags } from '../../../../cli/dci-command.js';

export default class ComponentFileDownload extends DciCommand<typeof ComponentFileDownload> {
  static override summary = 'Download a component file (streamed to <target>.part, renamed when complete)';
  static override args = {
    'component-id': Args.string({ description: 'component id', required: true }),
    'file-id': Args.string({ description: 'component file id', required: true }),
    target: Args.string({ description: 'Where to write it', required: true }),
  };
  static override flags = dciFlags;
  async run(): Promise<void> {
    const { target } = this.args;
    const id = this.args['file-id'];
    const dci = await this.client();
    await dci.components.downloadFile(this.args['component-id'], id, target);
    this.outputOne({ id, target }, ['id', 'target']);
  }
}
