import { describe, expect, it } from 'vitest';
import { waitDelay } from '../../src/waiters/index.js';
import { seededRandom } from './simulated-time.js';

describe('waitDelay', () => {
  it('starts at minDelayMs and doubles its ceiling up to maxDelayMs', () => {
    const top = () => 0.999_999_9;
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => waitDelay(n, 1_000, 30_000, top))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000,
    ]);
    expect([1, 2, 3, 10].map((n) => waitDelay(n, 1_000, 30_000, () => 0))).toEqual([
      1_000, 1_000, 1_000, 1_000,
    ]);
  });

  it('jitters within [minDelayMs, min(maxDelayMs, minDelayMs * 2^(attempt-1))]', () => {
    const random = seededRandom(7);
    const seen = new Set<number>();
    for (let attempt = 1; attempt <= 40; attempt += 1) {
      const ceiling = Math.min(20_000, 500 * 2 ** (attempt - 1));
      for (let sample = 0; sample < 200; sample += 1) {
        const delay = waitDelay(attempt, 500, 20_000, random);
        expect(delay).toBeGreaterThanOrEqual(500);
        expect(delay).toBeLessThanOrEqual(ceiling);
        if (attempt === 10) seen.add(delay);
      }
    }
    // Real jitter: many distinct values, not one fixed delay.
    expect(seen.size).toBeGreaterThan(100);
  });

  it('still backs off when minDelayMs is 0 instead of polling in a tight loop', () => {
    const top = () => 0.999_999_9;
    expect([1, 2, 5, 11, 30].map((n) => waitDelay(n, 0, 1_000, top))).toEqual([1, 2, 16, 1_000, 1_000]);
  });

  it('does not overflow for very high attempt numbers', () => {
    expect(waitDelay(5_000, 100, 30_000, () => 0.5)).toBe(15_050);
  });
});
