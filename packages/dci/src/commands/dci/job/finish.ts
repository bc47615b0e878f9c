import { basename } from 'node:path';
import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import { DciCommand, dciFlags } from '../../../cli/dci-command.js';
import { JobRun } from '../../../job-lifecycle.js';

export default class JobFinish extends DciCommand<typeof JobFinish> {
  static override summary = 'Upload JUnit results, then post post-run and the final status of a job';
  static override args = { id: Args.string({ description: 'job id', required: true }) };
  static override flags = {
    ...dciFlags,
    status: Flags.option({
      description: 'Final status',
      options: ['success', 'failure', 'error'] as const,
      required: true,
    })(),
    comment: Flags.string({ description: 'Comment on the final jobstate' }),
    junit: Flags.string({ description: 'JUnit XML file to upload first (repeatable)', multiple: true }),
  };
  async run(): Promise<void> {
    const { id } = this.args;
    const { flags } = this;
    const dci = await this.client();
    const run = new JobRun(dci, await dci.jobs.get(id));
    for (const path of flags.junit ?? []) await run.uploadJunit({ path }, basename(path));
    if (run.status === 'running') await run.advance('post-run');
    await run.finish(flags.status, flags.comment);
    this.outputOne({ ...run.job, status: run.status }, ['id', 'name', 'status']);
  }
}
