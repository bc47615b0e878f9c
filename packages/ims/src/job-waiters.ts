import { NotFoundError, type WaitCheck, type WaitOptions, watchOrPoll } from '@nimbus-sdk/core';
import { jobWatcher, readJob } from './job-watcher.js';
import type { JobRecord, JobStatus, Jobs } from './resources/jobs.js';

/** Options of {@link waitForJob}. */
export interface WaitForJobOptions extends Omit<WaitOptions<JobStatus>, 'label'> {
  /** The status (or any of the statuses) to wait for. Default `success`. */
  until?: JobStatus | readonly JobStatus[];
}

/**
 * Polls a job until it reaches `until`. `error` is a failure state (a `WaitFailureError` carrying the
 * job) unless `until` names it; the wait always has a deadline (`timeoutMs`, default 10 min). Waits
 * of one client share one job list a second (a lone wait reads its job); a wait given its own
 * timing (`minDelayMs`, `maxDelayMs`, ...) polls alone with that backoff.
 *
 * @example
 * const job = await waitForJob(ims.jobs, id, { until: 'success', timeoutMs: 3_600_000 });
 */
export function waitForJob(jobs: Jobs, jobId: string, options: WaitForJobOptions = {}): Promise<JobRecord> {
  const { until = 'success', onProgress, ...waitOptions } = options;
  const wanted: readonly JobStatus[] = typeof until === 'string' ? [until] : until;
  const check = (job: JobRecord | undefined): WaitCheck<JobRecord, JobRecord> => {
    // Thrown, not a failure state: a job that is not there is a not-found error (exit 4), as a get's.
    if (job === undefined) throw new NotFoundError(`IMS job ${jobId} not found`, { status: 404 });
    if (wanted.includes(job.status)) return { status: 'done', value: job };
    if (job.status === 'error' && !wanted.includes('error'))
      return { status: 'failed', state: job, reason: `IMS job ${jobId} ended in status error` };
    return { status: 'pending', state: job };
  };
  const recordOptions: WaitOptions<JobRecord> = {
    ...waitOptions,
    ...(onProgress === undefined
      ? {}
      : { onProgress: (progress) => onProgress({ ...progress, state: progress.state.status }) }),
  };
  return watchOrPoll(jobWatcher(jobs), jobId, check, recordOptions, {
    read: (signal) => readJob(jobs, jobId, signal),
    defaults: { label: `IMS job ${jobId} to reach ${wanted.join(' or ')}` },
  });
}
