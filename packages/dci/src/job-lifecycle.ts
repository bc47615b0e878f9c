import { ValidationError } from '@nimbus-sdk/core';
import type { Files } from './resources/files.js';
import type { Job, JobCreate, Jobs } from './resources/jobs.js';
import type { JobStatus, Jobstate, Jobstates } from './resources/jobstates.js';
import type { UploadSource } from './upload-source.js';

/** The steps an agent walks through, in order. */
const STEPS: readonly JobStatus[] = ['new', 'pre-run', 'running', 'post-run'];
/** How a run ends. */
export type JobOutcome = 'success' | 'failure' | 'error';
const FINAL: readonly JobStatus[] = ['success', 'failure', 'error', 'killed'];

/** What a {@link JobRun} uses of the client. */
export interface JobRunServices {
  jobs: Jobs;
  jobstates: Jobstates;
  files: Files;
}

/**
 * One job being run by a remoteci: posts jobstates strictly forward (new → pre-run → running →
 * post-run → success | failure | error) and uploads results. The server accepts any order; the
 * helper refuses to go backwards so dashboards stay readable.
 */
export class JobRun {
  private current: JobStatus;
  private latest: Job;

  constructor(
    private readonly services: JobRunServices,
    job: Job,
  ) {
    this.latest = job;
    this.current = job.status;
  }

  /**
   * The job as the server last showed it: re-read after every status this run posts, since a
   * jobstate changes the job's status and ETag (an `update` with the old ETag would fail).
   */
  get job(): Job {
    return this.latest;
  }

  /** The status last posted. */
  get status(): JobStatus {
    return this.current;
  }

  /** Posts the next step (`pre-run`, `running` or `post-run`). */
  async advance(status: 'pre-run' | 'running' | 'post-run', comment?: string): Promise<Jobstate> {
    if (FINAL.includes(this.current)) {
      throw new ValidationError(`job ${this.job.id} already finished with "${this.current}"`, [
        { path: 'status', message: 'job is final' },
      ]);
    }
    if (STEPS.indexOf(status) <= STEPS.indexOf(this.current)) {
      throw new ValidationError(`job ${this.job.id} is "${this.current}"; it cannot go back to "${status}"`, [
        { path: 'status', message: `expected a step after ${this.current}` },
      ]);
    }
    return this.post(status, comment);
  }

  /** Uploads a JUnit XML file; the server parses it into the job's results. */
  uploadJunit(source: UploadSource, name = 'junit.xml') {
    return this.services.files.upload({ jobId: this.job.id, name, mime: 'application/junit', source });
  }

  /** Uploads any file (logs) to the job. */
  uploadFile(source: UploadSource, name: string, mime?: string) {
    return this.services.files.upload({ jobId: this.job.id, name, mime, source });
  }

  /** Posts the final status. */
  async finish(outcome: JobOutcome, comment?: string): Promise<Jobstate> {
    if (FINAL.includes(this.current)) {
      throw new ValidationError(`job ${this.job.id} already finished with "${this.current}"`, [
        { path: 'status', message: 'job is final' },
      ]);
    }
    return this.post(outcome, comment);
  }

  private async post(status: JobStatus, comment: string | undefined): Promise<Jobstate> {
    const jobstate = await this.services.jobstates.create({ job_id: this.job.id, status, comment });
    this.current = status;
    this.latest = await this.services.jobs.get(this.job.id);
    return jobstate;
  }
}

/** Creates a job (remoteci credentials only) and returns its run, at status `new`. */
export async function startJob(services: JobRunServices, input: JobCreate): Promise<JobRun> {
  return new JobRun(services, await services.jobs.create(input));
}

/**
 * Creates a job, walks it to `running`, calls `work`, and posts `success` (or `post-run` then
 * `success`/`failure` from `work`'s answer). A throw posts `error` with the message and rethrows.
 *
 * @example await runJob(services, { topic_id, components }, async (run) => { ...; return 'success' })
 */
export async function runJob(
  services: JobRunServices,
  input: JobCreate,
  work: (run: JobRun) => Promise<JobOutcome | undefined>,
): Promise<JobRun> {
  const run = await startJob(services, input);
  await run.advance('pre-run');
  await run.advance('running');
  let outcome: JobOutcome | undefined;
  try {
    outcome = await work(run);
  } catch (error) {
    if (!FINAL.includes(run.status))
      await run.finish('error', error instanceof Error ? error.message : String(error));
    throw error;
  }
  if (run.status === 'running') await run.advance('post-run');
  if (!FINAL.includes(run.status)) await run.finish(outcome ?? 'success');
  return run;
}
