import { ConfigError } from '../errors/client-errors.js';
import type { HttpMethod, RetryOptions } from './types.js';

/** {@link RetryOptions} with every default filled in and checked. */
export interface RetryPolicy {
  readonly limit: number;
  readonly statusCodes: ReadonlySet<number>;
  readonly methods: ReadonlySet<string>;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly maxRetryAfterMs: number;
}

const DEFAULT_STATUS_CODES = [408, 425, 429, 500, 502, 503, 504];
const DEFAULT_METHODS: readonly HttpMethod[] = ['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS'];

/** Fills in defaults; a negative or non-finite number is a {@link ConfigError} raised at construction. */
export function resolveRetryPolicy(options: RetryOptions | false | undefined): RetryPolicy {
  const given = options === false ? { limit: 0 } : (options ?? {});
  const policy: RetryPolicy = {
    limit: given.limit ?? 3,
    statusCodes: new Set(given.statusCodes ?? DEFAULT_STATUS_CODES),
    methods: new Set(given.methods ?? DEFAULT_METHODS),
    baseDelayMs: given.baseDelayMs ?? 200,
    maxDelayMs: given.maxDelayMs ?? 10_000,
    maxRetryAfterMs: given.maxRetryAfterMs ?? 60_000,
  };
  for (const key of ['limit', 'baseDelayMs', 'maxDelayMs', 'maxRetryAfterMs'] as const) {
    const value = policy[key];
    if (!Number.isFinite(value) || value < 0) {
      throw new ConfigError(`retry.${key} must be a finite number >= 0, got ${String(value)}`);
    }
  }
  if (!Number.isInteger(policy.limit)) {
    throw new ConfigError(`retry.limit must be a whole number, got ${policy.limit}`);
  }
  return policy;
}

/**
 * Full-jitter exponential backoff: a random delay in [0, min(maxDelayMs, baseDelayMs * 2^(retry-1))].
 * Jitter spreads out clients that failed together so they do not retry in lock step.
 *
 * @param retry 1 for the first retry.
 */
export function backoffDelayMs(
  retry: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(random() * ceiling);
}
