import * as Flags from '@oclif/core/flags';
import { DciCommand, dciFlags } from '../../../cli/dci-command.js';
import { JOB_STATUSES } from '../../../resources/jobstates.js';

export default class JobstateCreate extends DciCommand<typeof JobstateCreate> {
  static override summary = "Post a jobstate: sets the job's status";
  static override flags = {
    ...dciFlags,
    'job-id': Flags.string({ description: 'Job id', required: true }),
    status: Flags.option({ description: 'New status', options: JOB_STATUSES, required: true })(),
    comment: Flags.string({ description: 'Comment' }),
  };
  async run(): Promise<void> {
    const { flags } = this;
    const dci = await this.client();
    const jobstate = await dci.jobstates.create({
      job_id: flags['job-id'],
      status: flags.status,
      comment: flags.comment,
    });
    this.outputOne(jobstate, ['id', 'status', 'comment', 'job_id']);
  }
}
