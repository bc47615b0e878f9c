import { listFlags } from '@nimbus-sdk/core/cli';
import * as Flags from '@oclif/core/flags';
import { ImsCommand, imsFlags } from '../../../cli/ims-command.js';
import { recordSpecs } from '../../../cli/record-specs.js';
import { JOB_STATUSES, type JobStatus } from '../../../resources/jobs.js';

export default class JobList extends ImsCommand<typeof JobList> {
  static override summary = 'List jobs, filtered by the server';
  static override flags = {
    ...imsFlags,
    ...listFlags,
    status: Flags.string({
      description: 'only jobs in this status (repeatable)',
      options: [...JOB_STATUSES],
      multiple: true,
    }),
    'job-type': Flags.string({ description: 'only jobs of this type', options: ['create', 'customize'] }),
    age: Flags.string({ description: 'only jobs older than this: 1d, 6h, 30m, 2w' }),
  };

  async run(): Promise<void> {
    const ims = await this.client();
    const jobs = await ims.jobs
      .list({
        ...(this.flags.status ? { status: this.flags.status as JobStatus[] } : {}),
        ...(this.flags['job-type'] ? { job_type: this.flags['job-type'] as 'create' | 'customize' } : {}),
        ...(this.flags.age ? { age: this.flags.age } : {}),
      })
      .toArray();
    this.printList(jobs, { columns: recordSpecs.job.columns });
  }
}
