import * as Args from '@oclif/core/args';
import { DciCommand, dciFlags } from '../../../cli/dci-command.js';

export default class JobstateDelete extends DciCommand<typeof JobstateDelete> {
  static override summary = 'Delete a jobstate';
  static override args = { id: Args.string({ description: 'jobstate id', required: true }) };
  static override flags = dciFlags;
  async run(): Promise<void> {
    const { id } = this.args;
    const dci = await this.client();
    await dci.jobstates.delete(id);
    this.outputOne({ id, deleted: true }, ['id', 'deleted']);
  }
}
