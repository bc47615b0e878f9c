import * as Flags from '@oclif/core/flags';
import { DciCommand, dciFlags } from '../../../cli/dci-command.js';
import { collect, listFlags } from '../../../cli/resource-commands.js';

export default class JobstateList extends DciCommand<typeof JobstateList> {
  static override summary = "List a job's status changes";
  static override flags = {
    ...dciFlags,
    ...listFlags,
    'job-id': Flags.string({ description: 'Job id', required: true }),
  };
  async run(): Promise<void> {
    const flags = this.flags as unknown as Parameters<typeof collect>[1] & { 'job-id': string };
    const dci = await this.dci();
    this.output(await collect((o) => dci.jobs.jobstates(flags['job-id'], o), flags), [
      'id',
      'status',
      'comment',
      'created_at',
    ]);
  }
}
