import { describe, expect, it } from 'vitest';
import {
  AbortError,
  isApiError,
  ValidationError,
  WaitFailureError,
  WaitTimeoutError,
} from '../../src/errors/index.js';
import type { WaitCheck } from '../../src/waiters/index.js';
import { DEFAULT_WAIT_TIMEOUT_MS, waitFor } from '../../src/waiters/index.js';
import { seededRandom, simulatedTime } from './simulated-time.js';

const pending = <S>(state: S): WaitCheck<S, never> => ({ status: 'pending', state });

describe('waitFor', () => {
  it('resolves with the value of the first done check without sleeping', async () => {
    const time = simulatedTime();
    const value = await waitFor(async () => ({ status: 'done', value: 42 }), { ...time });
    expect(value).toBe(42);
    expect(time.sleeps).toEqual([]);
  });

  it('keeps checking while pending and reports progress after every pending check', async () => {
    const time = simulatedTime();
    const states = ['queued', 'provisioning', 'running'];
    let calls = 0;
    const progress: Array<{ attempt: number; state: string; nextDelayMs: number }> = [];
    const value = await waitFor<string, string>(
      async () => {
        const state = states[calls++] as string;
        return state === 'running' ? { status: 'done', value: state } : pending(state);
      },
      {
        ...time,
        minDelayMs: 100,
        maxDelayMs: 1_000,
        random: () => 0.5,
        onProgress: ({ attempt, state, nextDelayMs }) => progress.push({ attempt, state, nextDelayMs }),
      },
    );
    expect(value).toBe('running');
    expect(calls).toBe(3);
    expect(progress).toEqual([
      { attempt: 1, state: 'queued', nextDelayMs: 100 },
      { attempt: 2, state: 'provisioning', nextDelayMs: 150 },
    ]);
    expect(time.sleeps).toEqual([100, 150]);
  });

  it('raises WaitFailureError carrying the state on a failed check, and stops checking', async () => {
    const time = simulatedTime();
    let calls = 0;
    const error = await waitFor(
      async () => {
        calls += 1;
        return calls < 2 ? pending('building') : { status: 'failed', state: 'error', reason: 'build failed' };
      },
      { ...time, label: 'image 7 to build' },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitFailureError);
    expect((error as WaitFailureError<string>).state).toBe('error');
    expect((error as Error).message).toBe('Waiting for image 7 to build failed: build failed');
    expect(calls).toBe(2);
  });

  it('propagates an error thrown by a check at once', async () => {
    const time = simulatedTime();
    let calls = 0;
    const boom = new Error('lookup failed');
    await expect(
      waitFor(async () => {
        calls += 1;
        if (calls === 2) throw boom;
        return pending('x');
      }, time),
    ).rejects.toBe(boom);
    expect(calls).toBe(2);
  });

  it('checks the signal before the first call', async () => {
    const controller = new AbortController();
    controller.abort(new Error('user cancelled'));
    let calls = 0;
    const error = await waitFor(
      async () => {
        calls += 1;
        return { status: 'done', value: 1 };
      },
      { signal: controller.signal },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).code).toBe('ABORTED');
    expect(calls).toBe(0);
  });

  it('aborts promptly during a long sleep between checks (real timers)', async () => {
    const controller = new AbortController();
    let calls = 0;
    const waiting = waitFor(
      async () => {
        calls += 1;
        // Abort once the waiter has gone to sleep for a minute.
        setTimeout(() => controller.abort(), 10);
        return pending('running');
      },
      { signal: controller.signal, minDelayMs: 60_000, maxDelayMs: 60_000 },
    );
    await expect(waiting).rejects.toBeInstanceOf(AbortError);
    expect(calls).toBe(1);
  });

  it('aborts promptly while a check that ignores its signal is still in flight', async () => {
    const controller = new AbortController();
    let seen: AbortSignal | undefined;
    const waiting = waitFor(
      (signal) => {
        seen = signal;
        setTimeout(() => controller.abort(), 10);
        return new Promise<WaitCheck<string, string>>(() => {});
      },
      { signal: controller.signal },
    );
    await expect(waiting).rejects.toBeInstanceOf(AbortError);
    // The check's own signal fires too, so an HTTP request behind it is cancelled.
    expect(seen?.aborted).toBe(true);
  });

  it('stops at the deadline with the last state and the number of checks', async () => {
    const time = simulatedTime();
    const start = time.clock();
    let calls = 0;
    const error = await waitFor(
      async () => {
        calls += 1;
        time.advance(250);
        return pending(`state-${calls}`);
      },
      { ...time, timeoutMs: 10_000, minDelayMs: 1_000, maxDelayMs: 4_000, random: () => 0.999 },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    const timeout = error as WaitTimeoutError<string>;
    expect(timeout.attempts).toBe(calls);
    expect(timeout.lastState).toBe(`state-${calls}`);
    expect(timeout.code).toBe('WAIT_TIMEOUT');
    // The final check was pulled in to end exactly at the deadline, not skipped or run past it.
    expect(time.clock() - start).toBe(10_000);
    // Checks at 0, 1250 (+1000), 3250 (+~2000), 7250 (+~4000), then the last one at 9750.
    expect(calls).toBe(5);
    expect(time.sleeps.at(-1)).toBeLessThan(4_000);
  });

  it('never exceeds the deadline, whatever the jitter and check durations', async () => {
    for (let seed = 1; seed <= 300; seed += 1) {
      const random = seededRandom(seed);
      const time = simulatedTime();
      const start = time.clock();
      const timeoutMs = 1_000 + Math.floor(random() * 100_000);
      const minDelayMs = Math.floor(random() * 2_000);
      const maxDelayMs = minDelayMs + Math.floor(random() * 20_000);
      const checkMs = Math.floor(random() * 500);
      let calls = 0;
      const error = await waitFor(
        async () => {
          calls += 1;
          time.advance(checkMs);
          return pending(calls);
        },
        { ...time, timeoutMs, minDelayMs, maxDelayMs, random },
      ).catch((e: unknown) => e);
      expect(error, `seed ${seed}`).toBeInstanceOf(WaitTimeoutError);
      expect(time.clock() - start, `seed ${seed}`).toBeLessThanOrEqual(timeoutMs);
      expect((error as WaitTimeoutError).attempts, `seed ${seed}`).toBe(calls);
      for (const delay of time.sleeps.slice(0, -1)) {
        expect(delay, `seed ${seed}`).toBeGreaterThanOrEqual(minDelayMs);
        expect(delay, `seed ${seed}`).toBeLessThanOrEqual(maxDelayMs);
      }
    }
  });

  it('has a 10 minute deadline by default', async () => {
    const time = simulatedTime();
    const start = time.clock();
    let calls = 0;
    const error = await waitFor(async () => {
      calls += 1;
      return pending('stuck');
    }, time).catch((e: unknown) => e);
    expect(DEFAULT_WAIT_TIMEOUT_MS).toBe(600_000);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect(time.clock() - start).toBeLessThanOrEqual(600_000);
    // 1 s doubling to the 30 s cap: about 25 checks in 10 minutes, not an endless loop.
    expect(calls).toBeGreaterThan(15);
    expect(calls).toBeLessThan(700);
  });

  it('abandons a check still running at the deadline (real timers)', async () => {
    let seen: AbortSignal | undefined;
    const error = await waitFor(
      (signal) => {
        seen = signal;
        return new Promise<WaitCheck<string, string>>(() => {});
      },
      { timeoutMs: 50 },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect((error as WaitTimeoutError).attempts).toBe(1);
    expect(seen?.aborted).toBe(true);
  });

  it.each([
    [{ timeoutMs: Number.POSITIVE_INFINITY }, 'timeoutMs'],
    [{ timeoutMs: 0 }, 'timeoutMs'],
    [{ minDelayMs: -1 }, 'minDelayMs'],
    [{ minDelayMs: 5_000, maxDelayMs: 1_000 }, 'maxDelayMs'],
  ])('rejects %o before checking anything', async (options, field) => {
    let calls = 0;
    const error = await waitFor(async () => {
      calls += 1;
      return { status: 'done', value: 1 };
    }, options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((issue) => issue.path)).toEqual([field]);
    expect((error as Error).message).toContain(field);
    expect(calls).toBe(0);
  });

  it('keeps the last state out of the message but in redacted details', async () => {
    const time = simulatedTime();
    const error = await waitFor(async () => pending({ state: 'pending', password: 'hunter22' }), {
      ...time,
      timeoutMs: 5_000,
    }).catch((e: unknown) => e);
    expect(isApiError(error)).toBe(true);
    const json = JSON.stringify(error);
    expect((error as Error).message).not.toContain('hunter22');
    expect(json).not.toContain('hunter22');
    expect(json).toContain('pending');
  });
});
