import { dciError } from './errors.js';
import type { DciState, Row } from './state.js';

export const JOB_STATUSES: [string, ...string[]] = [
  'new',
  'pre-run',
  'running',
  'post-run',
  'success',
  'failure',
  'killed',
  'error',
];

/** Statuses that end a job; entering one from another status fires a jobs event. */
const FINAL_STATUSES = new Set(['success', 'failure', 'error']);

/**
 * Appends a jobstate and moves the job to `status` (section 8): duration recomputed, etag bumped,
 * and a `failure`/`error` posted while the job is still `new` or `pre-run` stored as an `error` jobstate.
 */
export function recordJobstate(state: DciState, job: Row, status: string, comment: string | null): Row {
  if (!JOB_STATUSES.includes(status)) {
    throw dciError(
      400,
      `(psycopg2.errors.InvalidTextRepresentation) invalid input value for enum statuses: "${status}"`,
    );
  }
  const early = job.status === 'new' || job.status === 'pre-run';
  const entersFinal = FINAL_STATUSES.has(status) && !FINAL_STATUSES.has(String(job.status));
  const stored = early && (status === 'failure' || status === 'error') ? 'error' : status;
  const jobstate = state.insert('jobstates', { status: stored, comment, job_id: job.id });
  job.status = status;
  const created = Date.parse(`${String(job.created_at).slice(0, 23)}Z`);
  job.duration = Math.max(0, Math.round((state.clock().getTime() - created) / 1000));
  state.touch(job);
  if (entersFinal) {
    state.jobsEvents.push({
      id: (state.jobsEvents.at(-1)?.id ?? 0) + 1,
      job_id: job.id,
      topic_id: String(job.topic_id),
      status,
      created_at: String(jobstate.created_at),
    });
  }
  return jobstate;
}
