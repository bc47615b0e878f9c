import { isApiError, ValidationError } from '@nimbus-sdk/core';
import type { CallOptions } from './context.js';
import { type Bucket, type Buckets, checkBucketName } from './resources/buckets.js';
import type { Instance, InstanceCreate, Instances } from './resources/instances.js';
import { type S3aasWaitOptions, waitForInstance } from './waiters.js';

/** The seed's create: an instance plus a default bucket, never sent to the server as fields it lacks. */
export interface InstanceWithBucketCreate extends InstanceCreate {
  /** Name of a bucket to create once the instance is ACTIVE. */
  bucketName?: string;
  /** Versioning of that bucket (`versioning_enabled`). */
  versioning?: boolean;
}

/** What the composed create made. */
export interface CreatedInstance {
  instance: Instance;
  bucket?: Bucket;
}

/**
 * Creates the instance, waits for ACTIVE, then creates the bucket with `versioning_enabled`. When the
 * bucket step fails, the instance is left in place (it is usable and costly to recreate) and the
 * error names it so the bucket can be created again with `buckets.create`.
 */
export async function createInstanceWithBucket(
  resources: { instances: Instances; buckets: Buckets },
  input: InstanceWithBucketCreate,
  options: CallOptions & { wait?: S3aasWaitOptions<string> } = {},
): Promise<CreatedInstance> {
  const { bucketName, versioning, ...instanceInput } = input;
  if (versioning !== undefined && bucketName === undefined) {
    throw new ValidationError('versioning needs a bucketName: it is a property of the bucket', [
      { path: 'versioning', message: 'give bucketName too' },
    ]);
  }
  // A bad bucket name must fail before an instance exists.
  if (bucketName !== undefined) checkBucketName(bucketName);
  const created = await resources.instances.create(instanceInput, options);
  if (bucketName === undefined) return { instance: created };
  const ready =
    (await waitForInstance(resources.instances, created.uuid, 'ACTIVE', {
      signal: options.signal,
      ...options.wait,
    })) ?? created;
  try {
    const bucket = await resources.buckets.create(
      ready.uuid,
      { name: bucketName, versioning_enabled: versioning ?? false },
      options,
    );
    return { instance: ready, bucket };
  } catch (error) {
    if (isApiError(error)) {
      (error as Error).message =
        `${error.message} (instance ${ready.uuid} was created and is ACTIVE; create the bucket again with buckets.create)`;
    }
    throw error;
  }
}
