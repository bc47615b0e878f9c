import { describe, expect, it } from 'vitest';
import { parseRetryAfterMs } from '../../src/transport/retry-after.js';
import { backoffDelayMs, resolveRetryPolicy } from '../../src/transport/retry-policy.js';

describe('retry policy', () => {
  it('uses the documented defaults', () => {
    const policy = resolveRetryPolicy(undefined);
    expect(policy.limit).toBe(3);
    expect([...policy.statusCodes]).toEqual([408, 425, 429, 500, 502, 503, 504]);
    expect([...policy.methods]).toEqual(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);
    expect(resolveRetryPolicy(false).limit).toBe(0);
  });

  it('draws full-jitter exponential delays under the cap', () => {
    const policy = resolveRetryPolicy({ baseDelayMs: 100, maxDelayMs: 1000 });
    expect([1, 2, 3, 4, 5].map((retry) => backoffDelayMs(retry, policy, () => 0.999999))).toEqual([
      99, 199, 399, 799, 999,
    ]);
    expect(backoffDelayMs(3, policy, () => 0)).toBe(0);
    expect(backoffDelayMs(2, policy, () => 0.5)).toBe(100);
  });

  it('rejects nonsense', () => {
    expect(() => resolveRetryPolicy({ baseDelayMs: Number.NaN })).toThrow(/baseDelayMs/);
    expect(() => resolveRetryPolicy({ limit: 1.5 })).toThrow(/whole number/);
  });

  it('reads Retry-After seconds and HTTP dates against the given clock', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(parseRetryAfterMs('3', now)).toBe(3000);
    expect(parseRetryAfterMs(' 0 ', now)).toBe(0);
    expect(parseRetryAfterMs('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfterMs('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfterMs('soon', now)).toBeUndefined();
    expect(parseRetryAfterMs(null, now)).toBeUndefined();
  });
});
