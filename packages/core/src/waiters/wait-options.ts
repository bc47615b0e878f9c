import { ValidationError, type ValidationIssue } from '../errors/client-errors.js';
import type { WaitOptions } from './types.js';

/** Ten minutes: long enough for a VM to boot, short enough that a stuck wait surfaces. */
export const DEFAULT_WAIT_TIMEOUT_MS = 600_000;
export const DEFAULT_WAIT_MIN_DELAY_MS = 1_000;
export const DEFAULT_WAIT_MAX_DELAY_MS = 30_000;

/** The timing options of a wait with defaults applied. */
export interface WaitTiming {
  timeoutMs: number;
  minDelayMs: number;
  maxDelayMs: number;
}

/** Applies defaults and rejects timings that would make a wait endless or meaningless. */
export function resolveWaitTiming(
  options: Pick<WaitOptions, 'timeoutMs' | 'minDelayMs' | 'maxDelayMs'>,
): WaitTiming {
  const timeoutMs = options.timeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS;
  const minDelayMs = options.minDelayMs ?? DEFAULT_WAIT_MIN_DELAY_MS;
  const maxDelayMs = options.maxDelayMs ?? Math.max(DEFAULT_WAIT_MAX_DELAY_MS, minDelayMs);
  const issues: ValidationIssue[] = [];
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    issues.push({
      path: 'timeoutMs',
      message: `must be a finite number > 0 (waits are never endless), got ${timeoutMs}`,
    });
  }
  if (!Number.isFinite(minDelayMs) || minDelayMs < 0) {
    issues.push({ path: 'minDelayMs', message: `must be a finite number >= 0, got ${minDelayMs}` });
  }
  if (!Number.isFinite(maxDelayMs) || maxDelayMs < minDelayMs) {
    issues.push({
      path: 'maxDelayMs',
      message: `must be a finite number >= minDelayMs (${minDelayMs}), got ${maxDelayMs}`,
    });
  }
  if (issues.length > 0) {
    const summary = issues.map((issue) => `${issue.path} ${issue.message}`).join('; ');
    throw new ValidationError(`Invalid wait options: ${summary}`, issues);
  }
  return { timeoutMs, minDelayMs, maxDelayMs };
}
