import type { ApiError } from '../errors/api-error.js';
import { TimeoutError } from '../errors/transport-errors.js';
import { backoffDelayMs } from '../transport/retry-policy.js';
import { throwIfAborted } from '../waiters/abort.js';
import { sleep } from '../waiters/sleep.js';
import type { S3RetryPolicy } from './retry-options.js';
import { toApiError } from './s3-errors.js';

/** Called before each retry; lets callers count or log attempts. */
export type RetryListener = (info: { what: string; retry: number; delayMs: number; error: ApiError }) => void;

/**
 * Runs `attempt` until it succeeds, fails with a non-transient error, runs out of retries or passes
 * the policy's deadline. Each attempt gets a signal that fires on the caller's abort or the
 * deadline, so a stalled request cannot outlive either.
 */
export async function sendWithRetry<T>(
  what: string,
  attempt: (signal: AbortSignal) => Promise<T>,
  policy: S3RetryPolicy,
  signal?: AbortSignal,
  onRetry?: RetryListener,
): Promise<T> {
  throwIfAborted(signal, what);
  const deadline = AbortSignal.timeout(policy.deadlineMs);
  const attemptSignal = signal ? AbortSignal.any([signal, deadline]) : deadline;
  for (let retry = 0; ; retry++) {
    try {
      return await attempt(attemptSignal);
    } catch (thrown) {
      throwIfAborted(signal, what);
      if (deadline.aborted) {
        throw new TimeoutError(`${what} gave up after ${policy.deadlineMs} ms (the retry deadline)`, {
          cause: thrown,
        });
      }
      const error = toApiError(thrown, what);
      if (!error.retryable || retry >= policy.limit) throw error;
      const delayMs = backoffDelayMs(retry + 1, policy);
      onRetry?.({ what, retry: retry + 1, delayMs, error });
      await sleep(delayMs, attemptSignal).catch((slept: unknown) => {
        throwIfAborted(signal, what);
        throw new TimeoutError(`${what} gave up after ${policy.deadlineMs} ms (the retry deadline)`, {
          cause: slept,
        });
      });
    }
  }
}
