import { ConfigError } from '../errors/client-errors.js';
import { type RetryPolicy, resolveRetryPolicy } from '../transport/retry-policy.js';

/** How one S3 call (a part, a Complete, a ListParts page) is retried. */
export interface S3RetryOptions {
  /** Retries after the first attempt; default 5. */
  limit?: number;
  /** First backoff ceiling; grows exponentially with full jitter. Default 200 ms. */
  baseDelayMs?: number;
  /** Backoff ceiling cap. Default 10 s. */
  maxDelayMs?: number;
  /** Time budget of one call across all its attempts; past it the call gives up. Default 5 min. */
  deadlineMs?: number;
}

/** {@link S3RetryOptions} resolved through core's retry policy, plus the deadline. */
export interface S3RetryPolicy extends RetryPolicy {
  readonly deadlineMs: number;
}

/** Fills in defaults; bad numbers are a {@link ConfigError} before anything is sent. */
export function resolveS3Retry(options: S3RetryOptions | false | undefined): S3RetryPolicy {
  const given = options === false ? { limit: 0 } : (options ?? {});
  const policy = resolveRetryPolicy({
    limit: given.limit ?? 5,
    ...(given.baseDelayMs === undefined ? {} : { baseDelayMs: given.baseDelayMs }),
    ...(given.maxDelayMs === undefined ? {} : { maxDelayMs: given.maxDelayMs }),
  });
  const deadlineMs = given.deadlineMs ?? 300_000;
  if (!Number.isFinite(deadlineMs) || deadlineMs <= 0) {
    throw new ConfigError(`retry.deadlineMs must be a number > 0, got ${String(deadlineMs)}`);
  }
  return { ...policy, deadlineMs };
}
