import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import { JOB_STATUSES, type JobStatus } from '../resources/jobs.js';
import { helperJobStatusOutput } from '../upload-output.js';
import { ImsCommand, imsFlags } from './ims-command.js';

/** The helper's `-t/--timeout` (seconds), accepted so ims-utils' invocations work unchanged. */
export const helperTimeoutFlag = Flags.integer({
  char: 't',
  description: 'per-request timeout in seconds (the helper ignored it; nimbus applies it)',
  min: 1,
});

/**
 * `nimbus ims job set-status IMS_JOB_ID STATUS`, also `nimbus ims image set-job-status` as the
 * helper spells it; `--json` prints the helper's `{"ims_job_record", "result"}`.
 */
export abstract class SetJobStatusCommand extends ImsCommand<typeof SetJobStatusCommand> {
  static override summary = "Set an IMS job's status (any status, any order)";
  static override args = {
    jobId: Args.string({ description: 'IMS job id', required: true }),
    status: Args.string({ description: `one of ${JOB_STATUSES.join(', ')}`, required: true }),
  };
  static override flags = { ...imsFlags, timeout: helperTimeoutFlag };

  async run(): Promise<void> {
    const ims = await this.client();
    const job = await ims.setJobStatus(this.args.jobId, this.args.status as JobStatus);
    if (this.jsonOutput) this.printResult(helperJobStatusOutput(job));
    else this.printResult(job, { columns: ['id', 'status', 'job_type', 'resultant_image_id'] });
  }
}
