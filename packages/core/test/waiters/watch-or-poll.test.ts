import { describe, expect, it } from 'vitest';
import { createWatcher, setsOwnTiming, type WaitCheck, watchOrPoll } from '../../src/waiters/index.js';
import { simulatedTime } from './simulated-time.js';

interface Job {
  id: string;
  status: string;
}

/** Jobs that succeed on the third read of any kind (list or get), counted by kind. */
function jobs() {
  const calls = { list: 0, get: 0, solo: 0 };
  const statusNow = () => (calls.list + calls.get + calls.solo >= 3 ? 'success' : 'running');
  return {
    calls,
    list: async (ids: readonly string[]): Promise<Job[]> => {
      calls.list += 1;
      return ids.map((id) => ({ id, status: statusNow() }));
    },
    get: async (id: string): Promise<Job> => {
      calls.get += 1;
      return { id, status: statusNow() };
    },
    read: (id: string) => async (): Promise<Job> => {
      calls.solo += 1;
      return { id, status: statusNow() };
    },
  };
}

const untilSuccess = (job: Job | undefined): WaitCheck<string, Job> =>
  job?.status === 'success'
    ? { status: 'done', value: job }
    : { status: 'pending', state: job?.status ?? '?' };

describe('watchOrPoll', () => {
  it('joins the shared watcher when the options set no timing, reporting its interval as the next delay', async () => {
    const service = jobs();
    const watcher = createWatcher<Job>({
      ...service,
      keyOf: (j) => j.id,
      intervalMs: 700,
      ...simulatedTime(),
    });
    const progress: number[] = [];
    const results = await Promise.all(
      ['a', 'b'].map((id) =>
        watchOrPoll(
          watcher,
          id,
          untilSuccess,
          { label: `job ${id}`, onProgress: ({ nextDelayMs }) => progress.push(nextDelayMs) },
          { read: service.read(id) },
        ),
      ),
    );
    expect(results.map((j) => j.status)).toEqual(['success', 'success']);
    expect(service.calls).toEqual({ list: 3, get: 0, solo: 0 });
    expect(progress).toEqual([700, 700, 700, 700]);
  });

  it('polls alone with its own backoff when the options set their own timing', async () => {
    const service = jobs();
    const time = simulatedTime();
    const watcher = createWatcher<Job>({ ...service, keyOf: (j) => j.id, ...time });
    const result = await watchOrPoll(
      watcher,
      'a',
      untilSuccess,
      { minDelayMs: 10, random: () => 1, ...time },
      { read: service.read('a'), defaults: { maxDelayMs: 15 } },
    );
    expect(result.status).toBe('success');
    expect(service.calls).toEqual({ list: 0, get: 0, solo: 3 });
    // The caller's first delay, doubled and capped by the provider's default cap.
    expect(time.sleeps).toEqual([10, 15]);
  });

  it('tells timing options from the others', () => {
    expect(setsOwnTiming({ timeoutMs: 5_000, label: 'x', signal: AbortSignal.abort() })).toBe(false);
    expect(setsOwnTiming({ minDelayMs: 1 })).toBe(true);
    expect(setsOwnTiming({ maxDelayMs: 1 })).toBe(true);
    expect(setsOwnTiming({ clock: () => 0 })).toBe(true);
    expect(setsOwnTiming({ sleep: async () => {} })).toBe(true);
    expect(setsOwnTiming({ random: () => 0 })).toBe(true);
  });
});
