import * as Args from '@oclif/core/args';
import { DciCommand, dciFlags } from '../../../cli/dci-command.js';

export default class FileShow extends DciCommand<typeof FileShow> {
  static override summary = "Show a file's metadata";
  static override args = { id: Args.string({ description: 'file id', required: true }) };
  static override flags = dciFlags;
  async run(): Promise<void> {
    const { id } = this.args;
    const dci = await this.client();
    this.outputOne(await dci.files.get(id), ['id', 'name', 'mime', 'size', 'job_id']);
  }
}
