import type { PagedIterable } from '@nimbus-sdk/core';
import { joinPath } from '@nimbus-sdk/core';
import { lazySchema, parseInput } from '@nimbus-sdk/core/provider';
import { z } from 'zod';
import type { CallOptions, DciContext } from '../context.js';
import type { ListOptions } from '../list-options.js';
import { lazyCollectionSpec, listAt } from './collection.js';
import type { DciFile } from './files.js';
import { type JobOutputPart, jobOutput } from './job-output.js';
import { type JobTestcase, junitTestcases } from './job-tests.js';
import { JOB_STATUSES, type JobStatus, type Jobstate } from './jobstates.js';
import { PurgeableCollection } from './purgeable-collection.js';
import { type DciRecord, dciId, jsonObject, stateSchema } from './record.js';

/** A DCI job: one run of a remoteci on a topic with a set of components. */
export interface Job extends DciRecord {
  name: string | null;
  comment: string | null;
  status: JobStatus;
  status_reason: string | null;
  configuration: string | null;
  url: string | null;
  /** Seconds since creation, recomputed at each jobstate. */
  duration: number;
  tags: string[];
  data: Record<string, unknown>;
  /** Metrics set with `setKeyValue` (on `get` only). */
  keys_values?: { key: string; value: number }[];
  topic_id: string;
  remoteci_id: string;
  team_id: string;
  product_id: string | null;
  pipeline_id: string | null;
  previous_job_id: string | null;
  update_previous_job_id: string | null;
  user_agent: string | null;
  client_version: string | null;
}

/** One parsed JUnit file of a job. */
export interface JobResult {
  filename: string;
  name: string;
  total: number;
  failures: number;
  errors: number;
  skips: number;
  success: number;
  time: number;
  regressions: number;
  successfixes: number;
  file_id: string;
}

const createSchema = lazySchema(() =>
  z
    .object({
      components: z.array(dciId, 'components must be an array of component ids'),
      topic_id: dciId,
      name: z.string().optional(),
      comment: z.string().optional(),
      configuration: z.string().optional(),
      url: z.url('url must be a URL').optional(),
      tags: z.array(z.string().min(1)).optional(),
      data: jsonObject.optional(),
      status_reason: z.string().optional(),
      previous_job_id: dciId.optional(),
      update_previous_job_id: dciId.optional(),
      pipeline_id: dciId.optional(),
      state: stateSchema.optional(),
    })
    .strict(),
);
const updateSchema = lazySchema(() =>
  z
    .object({
      name: z.string(),
      comment: z.string(),
      status: z.enum(JOB_STATUSES, { message: `status must be one of ${JOB_STATUSES.join(', ')}` }),
      status_reason: z.string(),
      configuration: z.string(),
      url: z.url('url must be a URL'),
      tags: z.array(z.string().min(1)),
      state: stateSchema,
    })
    .partial()
    .strict(),
);

export type JobCreate = z.input<ReturnType<typeof createSchema>>;
export type JobUpdate = z.input<ReturnType<typeof updateSchema>>;

const tagSchema = lazySchema(() => z.string().min(1, 'a tag cannot be empty'));
const keyValueSchema = lazySchema(() =>
  z.object({
    key: z.string().min(1, 'key cannot be empty'),
    value: z.number('value must be a finite number'),
  }),
);

/** `/jobs`: only a remoteci creates jobs; statuses move through jobstates. */
export class Jobs extends PurgeableCollection<Job, JobCreate, JobUpdate> {
  constructor(context: DciContext) {
    super(
      context,
      lazyCollectionSpec({ path: '/jobs', singular: 'job', plural: 'jobs' }, createSchema, updateSchema),
    );
  }

  /** The job's status changes, oldest first. */
  jobstates(jobId: string, options?: ListOptions): PagedIterable<Jobstate, number> {
    return listAt<Jobstate>(this.context, `/jobs/${this.checkId(jobId)}/jobstates`, 'jobstates', options);
  }

  /** The job's files. */
  files(jobId: string, options?: ListOptions): PagedIterable<DciFile, number> {
    return listAt<DciFile>(this.context, `/jobs/${this.checkId(jobId)}/files`, 'files', options);
  }

  /** Test results parsed from the job's JUnit uploads. */
  async results(jobId: string, options: CallOptions = {}): Promise<JobResult[]> {
    const { data } = await this.context.transport.send<{ results: JobResult[] }>({
      method: 'GET',
      path: joinPath('jobs', { jobId: this.checkId(jobId) }, 'results'),
      signal: options.signal,
    });
    return data.results;
  }

  /**
   * The job's log (dcictl `job-output`): each jobstate's files, oldest first, opened one at a time.
   *
   * @example for await (const part of dci.jobs.output(id)) await pipeline((await part.content()).body, process.stdout)
   */
  output(jobId: string, options: CallOptions = {}): AsyncIterable<JobOutputPart> {
    return jobOutput(this.context, joinPath('jobs', { jobId: this.checkId(jobId) }), options);
  }

  /** Every test case of the job's JUnit uploads (dcictl `job-list-test`), file by file. */
  async tests(jobId: string, options: CallOptions = {}): Promise<JobTestcase[]> {
    const results = await this.results(jobId, options);
    const tests: JobTestcase[] = [];
    for (const result of results) tests.push(...(await junitTestcases(this.context, result, options)));
    return tests;
  }

  /** Sets a numeric metric on the job (dcictl `job-add-key-value`); the job's ETag changes. */
  async setKeyValue(jobId: string, key: string, value: number, options: CallOptions = {}): Promise<void> {
    const body = parseInput(keyValueSchema(), { key, value }, 'job key/value');
    await this.context.transport.send({
      method: 'POST',
      path: joinPath('jobs', { jobId: this.checkId(jobId) }, 'kv'),
      body: { json: body },
      signal: options.signal,
    });
  }

  /** Removes a metric from the job. */
  async deleteKeyValue(jobId: string, key: string, options: CallOptions = {}): Promise<void> {
    const body = parseInput(keyValueSchema().pick({ key: true }), { key }, 'job key');
    await this.context.transport.send({
      method: 'DELETE',
      path: joinPath('jobs', { jobId: this.checkId(jobId) }, 'kv'),
      body: { json: body },
      responseType: 'none',
      signal: options.signal,
    });
  }

  /** Adds `tag` to the job's tags (read-modify-write under If-Match; retried if the job changes meanwhile). */
  addTag(jobId: string, tag: string, options: CallOptions = {}): Promise<Job> {
    const checked = parseInput(tagSchema(), tag, 'tag');
    return this.updateWithRetry(
      jobId,
      (job) => (job.tags.includes(checked) ? undefined : { tags: [...job.tags, checked] }),
      options,
    );
  }

  /** Removes `tag` from the job's tags (read-modify-write under If-Match). */
  removeTag(jobId: string, tag: string, options: CallOptions = {}): Promise<Job> {
    const checked = parseInput(tagSchema(), tag, 'tag');
    return this.updateWithRetry(
      jobId,
      (job) => (job.tags.includes(checked) ? { tags: job.tags.filter((t) => t !== checked) } : undefined),
      options,
    );
  }
}
