import { describe, expect, it } from 'vitest';
import {
  AbortError,
  AuthenticationError,
  ServerError,
  WaitFailureError,
  WaitTimeoutError,
} from '../../src/errors/index.js';
import { createWatcher, type WaitCheck } from '../../src/waiters/index.js';
import { simulatedTime } from './simulated-time.js';

interface Machine {
  id: string;
  state: string;
}

/**
 * A service whose machines change state on a schedule of ticks: `becomes[id]` is the list call
 * number from which the machine shows `running` (or `failed`), and `gone` ids are deleted.
 */
function fleet(count: number, readyAt: (index: number) => number) {
  const machines = Array.from({ length: count }, (_, i) => ({ id: `m-${i}`, readyAt: readyAt(i) }));
  const calls = { list: 0, get: 0 };
  const gone = new Set<string>();
  const failed = new Set<string>();
  const stateOf = (m: { id: string; readyAt: number }): string =>
    failed.has(m.id) ? 'failed' : calls.list >= m.readyAt ? 'running' : 'provisioning';
  return {
    calls,
    gone,
    failed,
    list: async (): Promise<Machine[]> => {
      calls.list += 1;
      return machines.filter((m) => !gone.has(m.id)).map((m) => ({ id: m.id, state: stateOf(m) }));
    },
    get: async (id: string): Promise<Machine | undefined> => {
      calls.get += 1;
      const m = machines.find((x) => x.id === id);
      return m && !gone.has(id) ? { id, state: stateOf(m) } : undefined;
    },
  };
}

const untilRunning = (m: Machine | undefined): WaitCheck<string, Machine> => {
  if (m === undefined) return { status: 'failed', state: 'deleted', reason: 'machine was deleted' };
  if (m.state === 'running') return { status: 'done', value: m };
  if (m.state === 'failed') return { status: 'failed', state: m.state, reason: 'provisioning failed' };
  return { status: 'pending', state: m.state };
};

describe('createWatcher', () => {
  it('serves 500 waits with one list call per tick and no get calls', async () => {
    const time = simulatedTime();
    const service = fleet(500, (i) => 1 + (i % 7));
    const watcher = createWatcher<Machine>({ ...service, keyOf: (m) => m.id, intervalMs: 1_000, ...time });
    const results = await Promise.all(
      Array.from({ length: 500 }, (_, i) => watcher.waitFor(`m-${i}`, untilRunning)),
    );
    expect(results.every((m) => m.state === 'running')).toBe(true);
    // Ready from list call 7 at the latest: calls 1..7, one per tick, 1 s apart.
    expect(service.calls).toEqual({ list: 7, get: 0 });
    expect(time.sleeps).toEqual([1_000, 1_000, 1_000, 1_000, 1_000, 1_000]);
    expect(watcher.size).toBe(0);
  });

  it('reads a single watched id with one get per tick, as a lone wait would', async () => {
    const time = simulatedTime();
    const service = fleet(3, () => 3);
    const watcher = createWatcher<Machine>({ ...service, keyOf: (m) => m.id, ...time });
    // get calls do not advance the fleet's list counter: make the machine ready through list.
    service.calls.list = 3;
    await expect(watcher.waitFor('m-1', untilRunning)).resolves.toEqual({ id: 'm-1', state: 'running' });
    expect(service.calls.get).toBe(1);
  });

  it('fails only the waiter whose machine failed, and tells deletion from filtering with one get', async () => {
    const time = simulatedTime();
    const service = fleet(4, () => 3);
    service.failed.add('m-1');
    service.gone.add('m-2');
    const watcher = createWatcher<Machine>({ ...service, keyOf: (m) => m.id, ...time });
    const outcomes = await Promise.allSettled(
      ['m-0', 'm-1', 'm-2', 'm-3'].map((id) => watcher.waitFor(id, untilRunning, { label: id })),
    );
    expect(outcomes[0]).toMatchObject({ status: 'fulfilled', value: { state: 'running' } });
    expect(outcomes[1]).toMatchObject({ status: 'rejected', reason: expect.any(WaitFailureError) });
    expect((outcomes[1] as PromiseRejectedResult).reason.message).toBe(
      'Waiting for m-1 failed: provisioning failed',
    );
    expect((outcomes[2] as PromiseRejectedResult).reason.message).toBe(
      'Waiting for m-2 failed: machine was deleted',
    );
    expect(outcomes[3]).toMatchObject({ status: 'fulfilled' });
    // m-2 was missing from the first list: one get confirmed it gone, and it left the watch.
    expect(service.calls.get).toBe(1);
  });

  it('times out only the waits whose deadline passed, with their last state', async () => {
    const time = simulatedTime();
    const service = fleet(2, (i) => (i === 0 ? 3 : 100));
    const watcher = createWatcher<Machine>({ ...service, keyOf: (m) => m.id, ...time });
    const slow = watcher.waitFor('m-1', untilRunning, { timeoutMs: 5_500, label: 'machine m-1' });
    const fast = watcher.waitFor('m-0', untilRunning);
    await expect(fast).resolves.toMatchObject({ id: 'm-0' });
    const error = await slow.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect((error as WaitTimeoutError).lastState).toBe('provisioning');
    expect((error as WaitTimeoutError).message).toMatch(/^Timed out after 5500 ms waiting for machine m-1/);
    // The last sleep is cut to the deadline instead of running past it.
    expect(time.sleeps.at(-1)).toBe(500);
  });

  it('rejects an aborted wait at once and keeps serving the others, on a virtual clock', async () => {
    const time = simulatedTime();
    const service = fleet(2, (i) => (i === 0 ? 3 : 1_000));
    // No get: a lone remaining wait keeps reading the list, which is what advances this fleet.
    const watcher = createWatcher<Machine>({ list: service.list, keyOf: (m) => m.id, ...time });
    const controller = new AbortController();
    const aborted = watcher.waitFor('m-1', untilRunning, {
      signal: controller.signal,
      onProgress: ({ attempt }) => {
        if (attempt === 1) controller.abort();
      },
    });
    const other = watcher.waitFor('m-0', untilRunning);
    await expect(aborted).rejects.toBeInstanceOf(AbortError);
    await expect(other).resolves.toMatchObject({ id: 'm-0', state: 'running' });
    // m-0 was running from list call 3; nobody was left to serve after it.
    expect(service.calls.list).toBe(3);
    expect(watcher.size).toBe(0);
  });

  it('rejects, without throwing, a wait whose signal is already aborted, and reads nothing', async () => {
    const service = fleet(1, () => 1);
    const watcher = createWatcher<Machine>({ ...service, keyOf: (m) => m.id, ...simulatedTime() });
    let waiting: Promise<Machine> | undefined;
    expect(() => {
      waiting = watcher.waitFor('m-0', untilRunning, { signal: AbortSignal.abort() });
    }).not.toThrow();
    await expect(waiting).rejects.toBeInstanceOf(AbortError);
    await new Promise((resolve) => setImmediate(resolve));
    expect(service.calls).toEqual({ list: 0, get: 0 });
  });

  it('confirms an id a filtered list left out with one get, and resolves it from that get', async () => {
    const time = simulatedTime();
    const start = time.clock();
    const calls = { list: 0, get: 0 };
    // m-i turns running (i + 1) s after the start, on the virtual clock.
    const stateOf = (id: string): string =>
      time.clock() - start >= 1_000 * (Number(id.slice(2)) + 1) ? 'running' : 'provisioning';
    const ids = ['m-0', 'm-1', 'm-2'];
    const watcher = createWatcher<Machine>({
      // Like CloudAPI's state=provisioning: a machine that is running no longer shows in the list.
      list: async () => {
        calls.list += 1;
        return ids.map((id) => ({ id, state: stateOf(id) })).filter((m) => m.state === 'provisioning');
      },
      get: async (id) => {
        calls.get += 1;
        return { id, state: stateOf(id) };
      },
      keyOf: (m) => m.id,
      ...time,
    });
    const all = await Promise.all(ids.map((id) => watcher.waitFor(id, untilRunning)));
    expect(all.map((m) => m.state)).toEqual(['running', 'running', 'running']);
    // Lists at 0, 1 and 2 s; m-0 and m-1 each left it once and cost one get; m-2, then alone,
    // was read with one get per tick, at 3 s.
    expect(calls).toEqual({ list: 3, get: 3 });
  });

  it('confirms missing ids with a few gets in flight, not one after another', async () => {
    const time = simulatedTime();
    let inFlight = 0;
    let peak = 0;
    const watcher = createWatcher<Machine>({
      list: async () => [],
      get: async (id) => {
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        await new Promise((resolve) => setImmediate(resolve));
        inFlight -= 1;
        return { id, state: 'running' };
      },
      keyOf: (m) => m.id,
      ...time,
    });
    const ids = Array.from({ length: 20 }, (_, i) => `m-${i}`);
    await Promise.all(ids.map((id) => watcher.waitFor(id, untilRunning)));
    expect(peak).toBe(8);
  });

  it('backs off for every waiter after a failing list call, then serves them all', async () => {
    const time = simulatedTime();
    const service = fleet(3, () => 1);
    let failures = 2;
    const watcher = createWatcher<Machine>({
      list: async () => {
        if (failures > 0) {
          failures -= 1;
          throw new ServerError('HTTP 503: busy', { status: 503, retryable: true });
        }
        return service.list();
      },
      keyOf: (m) => m.id,
      intervalMs: 1_000,
      random: () => 1,
      ...time,
    });
    const all = await Promise.all(['m-0', 'm-1', 'm-2'].map((id) => watcher.waitFor(id, untilRunning)));
    expect(all).toHaveLength(3);
    // Two failed ticks back off 1 s then 2 s (full jitter at its ceiling), then one list serves all.
    expect(time.sleeps).toEqual([1_000, 2_000]);
    expect(service.calls.list).toBe(1);
  });

  it('fails every waiter with an error no retry can fix', async () => {
    const time = simulatedTime();
    const denied = new AuthenticationError('HTTP 401: bad signature', { status: 401 });
    const watcher = createWatcher<Machine>({
      list: async () => {
        throw denied;
      },
      keyOf: (m) => m.id,
      ...time,
    });
    const outcomes = await Promise.allSettled(['a', 'b'].map((id) => watcher.waitFor(id, untilRunning)));
    expect(outcomes.map((o) => (o as PromiseRejectedResult).reason)).toEqual([denied, denied]);
  });
});
