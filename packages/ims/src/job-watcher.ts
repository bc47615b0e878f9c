import { createWatcher, isApiError, type Watcher } from '@nimbus-sdk/core';
import type { JobRecord, Jobs } from './resources/jobs.js';

/** One job watcher per jobs resource (per client and API version), created on its first wait. */
const watchers = new WeakMap<Jobs, Watcher<JobRecord>>();

/**
 * The shared job watcher: every tick, one GET of the job list serves all pending waits; a lone
 * wait reads its job instead. The list is not filtered by status: a wait follows its job through
 * statuses, and a filter would drop each job from the list as it moves, costing one get per job.
 */
export function jobWatcher(jobs: Jobs): Watcher<JobRecord> {
  let watcher = watchers.get(jobs);
  if (watcher === undefined) {
    watcher = createWatcher<JobRecord>({
      list: (_ids, signal) => jobs.list({ signal }),
      get: (id, signal) => readJob(jobs, id, signal),
      keyOf: (job) => job.id,
      intervalMs: 1_000,
      maxIntervalMs: 15_000,
    });
    watchers.set(jobs, watcher);
  }
  return watcher;
}

/** One job, `undefined` once the server no longer knows it (404). */
export async function readJob(jobs: Jobs, id: string, signal?: AbortSignal): Promise<JobRecord | undefined> {
  try {
    return await jobs.get(id, { signal });
  } catch (error) {
    if (isApiError(error) && error.status === 404) return undefined;
    throw error;
  }
}
