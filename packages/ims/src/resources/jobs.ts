import type { PagedIterable, Query } from '@nimbus-sdk/core';
import { z } from 'zod';
import type { CallOptions, ImsApiVersion, ImsContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { Collection } from './collection.js';
import type { ImsArch, ImsRecord } from './records.js';

/** Every status IMS accepts, in the order a build goes through them (the server enforces no order). */
export const JOB_STATUSES = [
  'creating',
  'fetching_image',
  'fetching_recipe',
  'waiting_for_repos',
  'building_image',
  'packaging_artifacts',
  'waiting_on_user',
  'error',
  'success',
] as const;

/** A job status. `packaging_artifacts` is accepted by the server though the OpenAPI enum omits it. */
export type JobStatus = (typeof JOB_STATUSES)[number];

/** How to reach a job's SSH container. */
export interface SshConnectionInfo {
  host: string;
  port: number;
}

/** An SSH container of a customize job (or of a create job with `enable_debug`). */
export interface SshContainer {
  name: string;
  jail: boolean;
  status: string;
  connection_info: Record<string, SshConnectionInfo>;
}

/** An IMS job: a Kubernetes job that builds (create) or customizes (customize) an image. */
export interface JobRecord extends ImsRecord {
  job_type: 'create' | 'customize';
  /** The recipe id for create, the image id for customize. */
  artifact_id: string;
  public_key_id: string;
  image_root_archive_name: string;
  enable_debug: boolean;
  build_env_size: number;
  job_mem_size: number;
  kernel_file_name: string;
  initrd_file_name: string;
  kernel_parameters_file_name: string;
  require_dkms: boolean;
  arch: ImsArch;
  status: JobStatus;
  resultant_image_id: string | null;
  ssh_containers: SshContainer[];
  kubernetes_job: string;
  kubernetes_service: string;
  kubernetes_configmap: string;
  kubernetes_pvc: string;
  kubernetes_namespace: string;
  kubernetes_secret: string | null;
  remote_build_node: string;
}

/** Input of {@link Jobs.create}. */
export interface JobCreate {
  job_type: 'create' | 'customize';
  artifact_id: string;
  public_key_id: string;
  image_root_archive_name: string;
  enable_debug?: boolean;
  build_env_size?: number;
  job_mem_size?: number;
  kernel_file_name?: string;
  initrd_file_name?: string;
  kernel_parameters_file_name?: string;
  require_dkms?: boolean;
  ssh_containers?: { name: string; jail?: boolean }[];
}

/** Input of {@link Jobs.update} (the server marks job PATCH for internal use: the build pods). */
export interface JobUpdate {
  status?: JobStatus;
  resultant_image_id?: string;
}

/** Filters of {@link Jobs.list}, applied by the server. */
export interface JobListOptions extends CallOptions {
  /** Any of these statuses. */
  status?: JobStatus | readonly JobStatus[];
  job_type?: 'create' | 'customize';
  /** Older than: `1d`, `6h`, `30m`, `2w`. */
  age?: string;
}

let schemas: ReturnType<typeof buildSchemas> | undefined;
function buildSchemas() {
  const uuid = (what: string) => z.guid(`${what} must be a UUID`);
  const status = z.enum(JOB_STATUSES, `status must be one of ${JOB_STATUSES.join(', ')}`);
  const create = z
    .object({
      job_type: z.enum(['create', 'customize'], 'job_type must be create or customize'),
      artifact_id: uuid('artifact_id'),
      public_key_id: uuid('public_key_id'),
      image_root_archive_name: z.string('image_root_archive_name is required').min(1),
      enable_debug: z.boolean().optional(),
      build_env_size: z.number().int().positive().optional(),
      job_mem_size: z.number().int().positive().optional(),
      kernel_file_name: z.string().min(1).optional(),
      initrd_file_name: z.string().min(1).optional(),
      kernel_parameters_file_name: z.string().min(1).optional(),
      require_dkms: z.boolean().optional(),
      ssh_containers: z
        .array(z.object({ name: z.string().min(1), jail: z.boolean().optional() }).strict())
        .optional(),
    })
    .strict();
  const update = z
    .object({ status: status.optional(), resultant_image_id: uuid('resultant_image_id').optional() })
    .strict()
    .refine((value) => Object.keys(value).length > 0, 'give status or resultant_image_id');
  const list = z
    .object({
      status: z.union([status, z.array(status)]).optional(),
      job_type: z.enum(['create', 'customize']).optional(),
      age: z
        .string()
        .regex(/^\d+[wdhm]$/, 'age must be a number and a unit w, d, h or m (e.g. 1d, 6h)')
        .optional(),
    })
    .loose();
  return { create, update, list };
}
const jobSchemas = () => {
  schemas ??= buildSchemas();
  return schemas;
};

/** The server-side filters as a query; `undefined` when there are none. */
function jobFilterQuery(options: JobListOptions, what: string): Query | undefined {
  const filters = parseInput(jobSchemas().list, options, what);
  const query: Query = {};
  if (filters.status !== undefined)
    query.status = Array.isArray(filters.status) ? filters.status : [filters.status];
  if (filters.job_type !== undefined) query.job_type = filters.job_type;
  if (filters.age !== undefined) query.age = filters.age;
  return Object.keys(query).length > 0 ? query : undefined;
}

/** `/jobs` (v2, unversioned) or `/v3/jobs`; both hard-delete. */
export class Jobs extends Collection<JobRecord, JobCreate> {
  constructor(context: ImsContext, version: ImsApiVersion) {
    super(context, version, { path: '/jobs', singular: 'job' }, () => jobSchemas().create);
  }

  /** Jobs, filtered by the server by status, type and age. */
  override list(options: JobListOptions = {}): PagedIterable<JobRecord, never> {
    return this.listWhere(jobFilterQuery(options, 'job list filters'), options);
  }

  /** PATCHes status and/or resultant image; setting the same values again is harmless, so it retries. */
  async update(id: string, change: JobUpdate, options: CallOptions = {}): Promise<JobRecord> {
    const body = parseInput(jobSchemas().update, change, 'job update');
    return this.patch(id, body, options, true);
  }

  /** Sets the job's status (any status, any order: IMS enforces no transitions). */
  setStatus(id: string, status: JobStatus, options: CallOptions = {}): Promise<JobRecord> {
    return this.update(id, { status }, options);
  }

  /** Deletes the job and (on the real server) its Kubernetes objects. */
  delete(id: string, options: CallOptions = {}): Promise<void> {
    return this.deleteWith(id, undefined, options);
  }

  /** Deletes every job matching the filters. */
  deleteAll(options: JobListOptions = {}): Promise<void> {
    return this.deleteAllWith(jobFilterQuery(options, 'job delete filters'), options);
  }
}
