import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import { DciCommand, dciFlags } from '../../../cli/dci-command.js';

export default class FileDownload extends DciCommand<typeof FileDownload> {
  static override summary =
    'Download a file (to <target>, or - for stdout; a file is replaced only when complete)';
  static override args = { id: Args.string({ description: 'file id', required: true }) };
  static override flags = {
    ...dciFlags,
    target: Flags.string({ description: 'Where to write it (- for stdout)', required: true }),
  };
  async run(): Promise<void> {
    const { id } = this.args;
    const { target } = this.flags;
    const dci = await this.client();
    await dci.files.download(id, target, { signal: this.interruptSignal });
    // With `-` the file itself is the output; a summary would corrupt it.
    if (target !== '-') this.outputOne({ id, target }, ['id', 'target']);
  }
}
