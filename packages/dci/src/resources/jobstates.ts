import { lazySchema, parseInput } from '@nimbus-sdk/core/provider';
import { z } from 'zod';
import type { CallOptions, DciContext } from '../context.js';
import { unwrap } from './collection.js';
import { dciId } from './record.js';

/** Job statuses, in lifecycle order; the last three are final. */
export const JOB_STATUSES = [
  'new',
  'pre-run',
  'running',
  'post-run',
  'success',
  'failure',
  'killed',
  'error',
] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** One status change of a job. */
export interface Jobstate {
  id: string;
  created_at: string;
  status: JobStatus;
  comment: string | null;
  job_id: string;
}

const createSchema = lazySchema(() =>
  z
    .object({
      job_id: dciId,
      status: z.enum(JOB_STATUSES, { message: `status must be one of ${JOB_STATUSES.join(', ')}` }),
      comment: z.string().optional(),
    })
    .strict(),
);
export type JobstateCreate = z.input<ReturnType<typeof createSchema>>;

/** `/jobstates`: posting one sets the job's status. There is no list (use `jobs.jobstates`). */
export class Jobstates {
  constructor(private readonly context: DciContext) {}

  /** Records a status change; the job takes `status`. */
  async create(input: JobstateCreate, options: CallOptions = {}): Promise<Jobstate> {
    const body = parseInput(createSchema(), input, 'jobstate');
    const { data } = await this.context.transport.send({
      method: 'POST',
      path: '/jobstates',
      body: { json: body },
      signal: options.signal,
    });
    return unwrap<Jobstate>(data, 'jobstate');
  }

  async get(id: string, options: CallOptions = {}): Promise<Jobstate> {
    const { data } = await this.context.transport.send({
      method: 'GET',
      path: `/jobstates/${parseInput(dciId, id, 'jobstate id')}`,
      signal: options.signal,
    });
    return unwrap<Jobstate>(data, 'jobstate');
  }

  /** Deletes a jobstate (no If-Match: jobstates are not versioned). */
  async delete(id: string, options: CallOptions = {}): Promise<void> {
    await this.context.transport.send({
      method: 'DELETE',
      path: `/jobstates/${parseInput(dciId, id, 'jobstate id')}`,
      responseType: 'none',
      signal: options.signal,
    });
  }
}
