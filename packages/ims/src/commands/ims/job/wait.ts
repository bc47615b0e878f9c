import { waitFlags } from '@nimbus-sdk/core/cli';
import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import { ImsCommand, imsFlags } from '../../../cli/ims-command.js';
import { JOB_STATUSES, type JobStatus } from '../../../resources/jobs.js';

export default class JobWait extends ImsCommand<typeof JobWait> {
  static override summary =
    'Wait for a job to reach a status (default success; error fails, exit 1; timeout exit 6)';
  static override args = { jobId: Args.string({ description: 'IMS job id', required: true }) };
  static override flags = {
    ...imsFlags,
    'wait-timeout': waitFlags['wait-timeout'],
    until: Flags.string({
      description: 'status to wait for (repeatable)',
      options: [...JOB_STATUSES],
      multiple: true,
    }),
  };

  async run(): Promise<void> {
    const ims = await this.client();
    const until = (this.flags.until ?? ['success']) as JobStatus[];
    const job = await this.waitWithSpinner(`job ${this.args.jobId}`, (control) =>
      ims.waitForJob(this.args.jobId, {
        until,
        signal: control.signal,
        timeoutMs: control.timeoutMs,
        onProgress: control.onProgress,
      }),
    );
    this.printResult(job, { columns: ['id', 'status', 'job_type', 'resultant_image_id'] });
  }
}
