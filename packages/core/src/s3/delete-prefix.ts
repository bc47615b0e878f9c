import { DeleteObjectsCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { ApiError } from '../errors/api-error.js';
import { ValidationError } from '../errors/client-errors.js';
import { resolveS3Retry, type S3RetryOptions } from './retry-options.js';
import { type RetryListener, sendWithRetry } from './send-with-retry.js';

/** Options of {@link deletePrefix}. */
export interface DeletePrefixOptions {
  client: S3Client;
  bucket: string;
  /** Keys starting with this are deleted. The empty prefix (every key) needs `all: true`. */
  prefix: string;
  /** Confirms that an empty prefix means the whole bucket. */
  all?: boolean;
  signal?: AbortSignal;
  retry?: S3RetryOptions | false;
  onRetry?: RetryListener;
  /** Called after each batch with the running count. */
  onBatch?: (deletedSoFar: number) => void;
}

/** A key the server refused to delete. */
export interface DeleteFailure {
  readonly key: string;
  readonly code: string;
  readonly message: string;
}

/** Some keys could not be deleted; every batch was still attempted. */
export class PartialDeleteError extends ApiError {
  readonly deleted: number;
  readonly failed: readonly DeleteFailure[];
  constructor(target: string, deleted: number, failed: readonly DeleteFailure[]) {
    const first = failed[0];
    super(
      'HTTP',
      `deleting ${target}: ${failed.length} key(s) could not be deleted (first: ${first?.key}: ${first?.code} ${first?.message}); ${deleted} were`,
      {
        details: { deleted, failed },
      },
    );
    this.deleted = deleted;
    this.failed = failed;
  }
}

/**
 * Deletes every object under a prefix: ListObjectsV2 pages of up to 1000 keys, each removed with
 * one DeleteObjects call. Returns how many were deleted.
 *
 * @example
 * await deletePrefix({ client, bucket: 'boot-images', prefix: `${imageId}/` });
 */
export async function deletePrefix(options: DeletePrefixOptions): Promise<{ deleted: number }> {
  const { client, bucket, prefix } = options;
  if (
    typeof bucket !== 'string' ||
    bucket.length === 0 ||
    typeof prefix !== 'string' ||
    (prefix === '' && options.all !== true)
  ) {
    throw new ValidationError(
      'deletePrefix: bucket must be a non-empty string and prefix non-empty (pass all: true to empty the whole bucket)',
      [{ path: prefix === '' ? 'prefix' : 'bucket', message: 'must be a non-empty string' }],
    );
  }
  const policy = resolveS3Retry(options.retry);
  const target = `s3://${bucket}/${prefix}`;
  const failed: DeleteFailure[] = [];
  let deleted = 0;
  let token: string | undefined;
  do {
    const page = await sendWithRetry(
      `ListObjectsV2 ${target}`,
      (abortSignal) =>
        client.send(
          new ListObjectsV2Command({
            Bucket: bucket,
            Prefix: prefix,
            MaxKeys: 1000,
            ...(token ? { ContinuationToken: token } : {}),
          }),
          { abortSignal },
        ),
      policy,
      options.signal,
      options.onRetry,
    );
    const keys = (page.Contents ?? []).flatMap((o) => (o.Key === undefined ? [] : [{ Key: o.Key }]));
    if (keys.length > 0) {
      const answer = await sendWithRetry(
        `DeleteObjects ${target}`,
        (abortSignal) =>
          client.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: keys, Quiet: true } }), {
            abortSignal,
          }),
        policy,
        options.signal,
        options.onRetry,
      );
      const errors = answer.Errors ?? [];
      for (const e of errors)
        failed.push({ key: e.Key ?? '', code: e.Code ?? 'Unknown', message: e.Message ?? '' });
      deleted += keys.length - errors.length;
      options.onBatch?.(deleted);
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  if (failed.length > 0) throw new PartialDeleteError(target, deleted, failed);
  return { deleted };
}
