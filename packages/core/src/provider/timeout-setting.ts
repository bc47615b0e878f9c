import { DEFAULT_ATTEMPT_TIMEOUT_MS } from '../transport/default-timeout.js';
import { parseDuration } from '../validation/duration.js';
import type { ProfileField } from './provider-plugin.js';

/**
 * The `timeout` setting every provider has (the kit adds it): a deadline for each request, retries
 * included, from `--timeout`, `NIMBUS_TIMEOUT` or the profile section's `timeout`.
 */
export const timeoutSetting: ProfileField = {
  description:
    'Give up on each request after this long, retries included (30s, 2m); default 30s per attempt, 4 attempts',
  env: ['NIMBUS_TIMEOUT'],
  flag: 'timeout',
  kind: 'duration',
};

/** The client options a `timeout` setting stands for: a whole-call deadline, attempts no longer than it. */
export function timeoutOptions(timeout: string | undefined): { timeoutMs?: number; totalTimeoutMs?: number } {
  if (timeout === undefined || timeout === '') return {};
  const totalTimeoutMs = parseDuration(timeout);
  return { totalTimeoutMs, timeoutMs: Math.min(totalTimeoutMs, DEFAULT_ATTEMPT_TIMEOUT_MS) };
}
