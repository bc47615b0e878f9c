import * as Args from '@oclif/core/args';
import { DciCommand, dciFlags } from '../../../cli/dci-command.js';

export default class JobstateShow extends DciCommand<typeof JobstateShow> {
  static override summary = 'Show one jobstate';
  static override args = { id: Args.string({ description: 'jobstate id', required: true }) };
  static override flags = dciFlags;
  async run(): Promise<void> {
    const { id } = this.args;
    const dci = await this.client();
    this.outputOne(await dci.jobstates.get(id), ['id', 'status', 'comment', 'job_id', 'created_at']);
  }
}
