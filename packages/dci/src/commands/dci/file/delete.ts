import * as Args from '@oclif/core/args';
import { DciCommand, dciFlags } from '../../../cli/dci-command.js';

export default class FileDelete extends DciCommand<typeof FileDelete> {
  static override summary = 'Delete (archive) a file';
  static override args = { id: Args.string({ description: 'file id', required: true }) };
  static override flags = dciFlags;
  async run(): Promise<void> {
    const { id } = this.args;
    const dci = await this.client();
    await dci.files.delete(id);
    this.outputOne({ id, deleted: true }, ['id', 'deleted']);
  }
}
