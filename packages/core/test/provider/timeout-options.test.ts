import { describe, expect, it } from 'vitest';
import { DEFAULT_ATTEMPT_TIMEOUT_MS, timeoutOptions } from '../../src/provider/index.js';

// The `timeout` setting is a deadline for the whole call, retries included; an attempt never lasts
// longer than the default per-attempt limit, so a long deadline still leaves room for a retry.
describe('timeoutOptions', () => {
  it('leaves the transport defaults (30 s per attempt, no total) without a timeout', () => {
    expect(DEFAULT_ATTEMPT_TIMEOUT_MS).toBe(30_000);
    expect(timeoutOptions(undefined)).toEqual({});
    expect(timeoutOptions('')).toEqual({});
  });

  it('makes a short timeout both the deadline and the attempt limit', () => {
    expect(timeoutOptions('2s')).toEqual({ totalTimeoutMs: 2_000, timeoutMs: 2_000 });
  });

  it('caps each attempt of a long deadline at the default attempt limit', () => {
    expect(timeoutOptions('2m')).toEqual({ totalTimeoutMs: 120_000, timeoutMs: DEFAULT_ATTEMPT_TIMEOUT_MS });
    expect(timeoutOptions('1h30m')).toEqual({
      totalTimeoutMs: 5_400_000,
      timeoutMs: DEFAULT_ATTEMPT_TIMEOUT_MS,
    });
  });

  it('refuses text that is not a duration with a ValidationError saying what is accepted', () => {
    expect(() => timeoutOptions('soon')).toThrow(/"soon" is not a duration; use e\.g\. 90s, 10m/);
  });
});
