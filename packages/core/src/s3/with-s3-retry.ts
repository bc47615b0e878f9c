import type { S3RetryOptions } from './retry-options.js';
import { resolveS3Retry } from './retry-options.js';
import { type RetryListener, sendWithRetry } from './send-with-retry.js';

/** Options of {@link withS3Retry}. */
export interface WithS3RetryOptions {
  retry?: S3RetryOptions | false;
  signal?: AbortSignal;
  onRetry?: RetryListener;
}

/**
 * Runs one S3 call with the engine's retry (transient errors, core's backoff, a deadline) and
 * nimbus errors. For the calls a provider makes itself, since `createS3Client` turns the
 * SDK's own retries off.
 *
 * @example
 * const head = await withS3Retry(`HeadObject s3://${bucket}/${key}`, (abortSignal) =>
 *   client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }), { abortSignal }));
 */
export function withS3Retry<T>(
  what: string,
  attempt: (abortSignal: AbortSignal) => Promise<T>,
  options: WithS3RetryOptions = {},
): Promise<T> {
  return sendWithRetry(what, attempt, resolveS3Retry(options.retry), options.signal, options.onRetry);
}
