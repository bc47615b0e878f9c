import { describe, expect, it } from 'vitest';
import { WaitFailureError, WaitTimeoutError } from '../../src/errors/index.js';
import { pollUntil, pollWhile } from '../../src/waiters/index.js';
import { simulatedTime } from './simulated-time.js';

/** A fetcher that walks through `states`, then repeats the last one. */
function statesOf<S>(states: S[]): { fetch: (signal?: AbortSignal) => Promise<S>; calls: () => number } {
  let calls = 0;
  return {
    fetch: async () => states[Math.min(calls++, states.length - 1)] as S,
    calls: () => calls,
  };
}

describe('pollUntil', () => {
  it('resolves with the first state that isDone accepts', async () => {
    const source = statesOf([{ s: 'queued' }, { s: 'running' }, { s: 'success' }]);
    const state = await pollUntil(source.fetch, (job) => job.s === 'success', simulatedTime());
    expect(state).toEqual({ s: 'success' });
    expect(source.calls()).toBe(3);
  });

  it('fails with the reason isFailed returns', async () => {
    const source = statesOf(['building', 'error']);
    const error = await pollUntil(source.fetch, (s) => s === 'success', {
      ...simulatedTime(),
      isFailed: (s) => (s === 'error' ? `build ended in ${s}` : false),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitFailureError);
    expect((error as Error).message).toContain('build ended in error');
    expect((error as WaitFailureError).state).toBe('error');
  });

  it('uses a generic reason when isFailed returns true', async () => {
    const error = await pollUntil(statesOf(['failed']).fetch, () => false, {
      ...simulatedTime(),
      isFailed: (s) => s === 'failed',
    }).catch((e: unknown) => e);
    expect((error as Error).message).toContain('reached a failure state');
  });

  it('times out carrying the last state', async () => {
    const error = await pollUntil(statesOf(['a', 'b', 'c']).fetch, () => false, {
      ...simulatedTime(),
      timeoutMs: 60_000,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect((error as WaitTimeoutError).lastState).toBe('c');
  });
});

describe('pollWhile', () => {
  it('resolves with the first state that is no longer pending, whatever it is', async () => {
    const source = statesOf(['provisioning', 'provisioning', 'stopped']);
    const state = await pollWhile(source.fetch, (s) => s === 'provisioning', simulatedTime());
    expect(state).toBe('stopped');
    expect(source.calls()).toBe(3);
  });
});
