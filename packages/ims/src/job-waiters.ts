import { pollUntil, type WaitOptions } from '@nimbus-sdk/core';
import type { CallOptions } from './context.js';
import type { JobRecord, JobStatus, Jobs } from './resources/jobs.js';

/** Options of {@link waitForJob}. */
export interface WaitForJobOptions extends Omit<WaitOptions<JobStatus>, 'label'> {
  /** The status (or any of the statuses) to wait for. Default `success`. */
  until?: JobStatus | readonly JobStatus[];
}

/**
 * Polls a job until it reaches `until`. `error` is a failure state (a `WaitFailureError` carrying the
 * job's status) unless `until` names it; the wait always has a deadline (`timeoutMs`, default 10 min).
 *
 * @example
 * const job = await waitForJob(ims.jobs, id, { until: 'success', timeoutMs: 3_600_000 });
 */
export function waitForJob(jobs: Jobs, jobId: string, options: WaitForJobOptions = {}): Promise<JobRecord> {
  const { until = 'success', ...waitOptions } = options;
  const wanted: readonly JobStatus[] = typeof until === 'string' ? [until] : until;
  const get = (signal?: AbortSignal) => jobs.get(jobId, { signal } satisfies CallOptions);
  return pollUntil<JobRecord>(get, (job) => wanted.includes(job.status), {
    ...waitOptions,
    onProgress: options.onProgress
      ? (progress) => options.onProgress?.({ ...progress, state: progress.state.status })
      : undefined,
    label: `IMS job ${jobId} to reach ${wanted.join(' or ')}`,
    isFailed: (job) =>
      job.status === 'error' && !wanted.includes('error') ? `IMS job ${jobId} ended in status error` : false,
  });
}
