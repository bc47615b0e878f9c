import type { SleepFunction } from '../../src/waiters/types.js';

/** A clock and a sleep that only advance when told, so waiter tests never depend on real time. */
export interface SimulatedTime {
  clock: () => number;
  sleep: SleepFunction;
  advance(ms: number): void;
  /** Every delay the waiter asked to sleep, in order. */
  readonly sleeps: number[];
}

export function simulatedTime(start = 1_000_000): SimulatedTime {
  let now = start;
  const sleeps: number[] = [];
  return {
    clock: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
    advance(ms) {
      now += ms;
    },
    sleeps,
  };
}

/** Deterministic jitter source (mulberry32) so a failing case can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
