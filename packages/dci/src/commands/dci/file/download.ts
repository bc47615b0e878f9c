import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import { DciCommand, dciFlags } from '../../../cli/dci-command.js';

export default class FileDownload extends DciCommand<typeof FileDownload> {
  static override summary = 'Download a file (streamed to <target>.part, renamed when complete)';
  static override args = { id: Args.string({ description: 'file id', required: true }) };
  static override flags = {
    ...dciFlags,
    target: Flags.string({ description: 'Where to write it', required: true }),
  };
  async run(): Promise<void> {
    const { id } = this.args;
    const { target } = this.flags;
    const dci = await this.client();
    await dci.files.download(id, target);
    this.outputOne({ id, target }, ['id', 'target']);
  }
}
