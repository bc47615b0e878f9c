import type { PagedIterable } from '@nimbus-sdk/core';
import { parseInput } from '@nimbus-sdk/core/provider';
import { z } from 'zod';
import { type CallOptions, encodePathSegment } from '../context.js';
import type { ListOptions } from '../list-options.js';
import { RestCollection, type S3aasRecord } from './collection.js';
import { descriptionField, intIn, NOTHING_TO_UPDATE, notEmpty, uuidField } from './fields.js';
import { instanceChildren } from './paths.js';

/** Object-lock default retention mode. */
export type RetentionMode = 'GOVERNANCE' | 'COMPLIANCE';

/** A bucket on an instance's data plane. Its `status` is not a readiness signal. */
export interface Bucket extends S3aasRecord {
  name: string;
  description?: string;
  project_id?: string;
  /** `/v1/types/s3/instances/<uuid>` */
  instance: string;
  status?: string;
  versioning_enabled: boolean;
  object_lock_enabled: boolean;
  /** 0 = no quota. */
  quota_bytes: number;
  /** Anonymous GetObject and ListBucket. */
  public: boolean;
  default_retention_mode?: RetentionMode;
  default_retention_days?: number;
}

/** What `buckets.create` takes. */
export interface BucketCreate {
  uuid?: string;
  /** The S3 bucket name: 3..63 lowercase letters, digits, hyphens and dots. */
  name: string;
  description?: string;
  project_id?: string;
  versioning_enabled?: boolean;
  object_lock_enabled?: boolean;
  quota_bytes?: number;
  public?: boolean;
  default_retention_mode?: RetentionMode | null;
  default_retention_days?: number | null;
}

/** What `buckets.update` changes (name, versioning and object lock are fixed at create). */
export interface BucketUpdate {
  description?: string;
  quota_bytes?: number;
  public?: boolean;
  default_retention_mode?: RetentionMode | null;
  default_retention_days?: number | null;
}

const bucketName = z
  .string()
  .min(3, 'must be 3 to 63 characters')
  .max(63, 'must be 3 to 63 characters')
  .regex(
    /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/,
    'must be lowercase letters, digits and hyphens in dot-separated labels (an S3 bucket name)',
  )
  .refine((name) => !/^\d+\.\d+\.\d+\.\d+$/.test(name), 'must not look like an IPv4 address');

/** Throws the ValidationError `buckets.create` would, before anything is sent. */
export function checkBucketName(name: string): void {
  parseInput(bucketName, name, 'bucket name');
}

const mutable = {
  description: descriptionField.optional(),
  quota_bytes: z
    .number()
    .int('must be a whole number of bytes')
    .min(0, 'must be >= 0 (0 = no quota)')
    .optional(),
  public: z.boolean().optional(),
  default_retention_mode: z.enum(['GOVERNANCE', 'COMPLIANCE']).nullable().optional(),
  default_retention_days: intIn(1, 365_000).nullable().optional(),
};

const createSchema = z.strictObject({
  uuid: uuidField.optional(),
  name: bucketName,
  project_id: uuidField.optional(),
  versioning_enabled: z.boolean().optional(),
  object_lock_enabled: z.boolean().optional(),
  ...mutable,
});

const updateSchema = z.strictObject(mutable).refine(notEmpty, NOTHING_TO_UPDATE);

/** Buckets of one instance (`.../instances/<i>/buckets/`). */
export class Buckets extends RestCollection<Bucket> {
  list(instance: string, options?: ListOptions): PagedIterable<Bucket, string> {
    return this.listAt(instanceChildren(instance, 'buckets'), options);
  }
  async get(instance: string, id: string, options?: CallOptions): Promise<Bucket> {
    return this.getAt(instanceChildren(instance, 'buckets'), encodePathSegment(id, 'bucket id'), options);
  }
  /** Creates a bucket; it reaches the data plane asynchronously (see `waitForBucket`). */
  async create(instance: string, input: BucketCreate, options?: CallOptions): Promise<Bucket> {
    const body = parseInput(createSchema, input, 'bucket create input');
    return this.createAt(instanceChildren(instance, 'buckets'), body, options);
  }
  async update(instance: string, id: string, patch: BucketUpdate, options?: CallOptions): Promise<Bucket> {
    const body = parseInput(updateSchema, patch, 'bucket update');
    return this.updateAt(
      instanceChildren(instance, 'buckets'),
      encodePathSegment(id, 'bucket id'),
      body,
      options,
    );
  }
  async delete(instance: string, id: string, options?: CallOptions): Promise<void> {
    return this.deleteAt(instanceChildren(instance, 'buckets'), encodePathSegment(id, 'bucket id'), options);
  }
}
