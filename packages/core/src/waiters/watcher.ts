import { isApiError } from '../errors/api-error.js';
import { ValidationError } from '../errors/client-errors.js';
import { WaitFailureError, WaitTimeoutError } from '../errors/workflow-errors.js';
import { abortErrorFor, throwIfAborted } from './abort.js';
import { waitDelay } from './backoff.js';
import { sleep as realSleep } from './sleep.js';
import type { SleepFunction, WaitCheck } from './types.js';
import { DEFAULT_WAIT_TIMEOUT_MS } from './wait-options.js';

/** Confirmation gets in flight at once when a tick's list left out several watched ids. */
const CONFIRM_CONCURRENCY = 8;

/** How a {@link createWatcher} reads the resources its waiters follow. */
export interface WatcherOptions<T> {
  /**
   * One call per tick for every watched id: the service's list, filtered where it can filter (by
   * state, by id). Items not watched are ignored; a watched id missing from it is confirmed with
   * {@link WatcherOptions.get}.
   */
  list(ids: readonly string[], signal: AbortSignal): Promise<Iterable<T>> | AsyncIterable<T>;
  /** The id of an item, as the waiters name it. */
  keyOf(item: T): string;
  /**
   * Reads one item, `undefined` when it is gone (404). Used for a single watched id, so one wait
   * costs one small request per tick, and to tell a deleted item from one the list filtered out.
   */
  get?(id: string, signal: AbortSignal): Promise<T | undefined>;
  /** Time between ticks. Default 1 s: one request per second, whatever the number of waiters. */
  intervalMs?: number;
  /** Cap of the backoff after failed ticks. Default 30 s. */
  maxIntervalMs?: number;
  /** Injected for tests. */
  clock?: () => number;
  /** Injected for tests: replaces the real abortable timer between ticks. */
  sleep?: SleepFunction;
  /** Injected for tests: jitter of the failure backoff. */
  random?: () => number;
}

/** Options of one {@link Watcher.waitFor}. */
export interface WatchOptions<S> {
  /** Deadline of this wait. Default 10 minutes; never infinite. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Called after every tick that left this wait pending. */
  onProgress?: (progress: { attempt: number; state: S; elapsedMs: number }) => void;
  /** What is awaited, for error messages (`"machine 4f2c to be running"`). */
  label?: string;
}

/** Many waits on one kind of resource, served by one list call per tick. */
export interface Watcher<T> {
  /**
   * Waits until `check` reports `done` for the item `id` (or `undefined` once it is gone),
   * rejecting with `WaitFailureError` on `failed`, `WaitTimeoutError` at the deadline and
   * `AbortError` when `signal` fires.
   */
  waitFor<S, R>(
    id: string,
    check: (item: T | undefined) => WaitCheck<S, R>,
    options?: WatchOptions<S>,
  ): Promise<R>;
  /** How many waits are pending. */
  readonly size: number;
  /** Time between ticks while all is well. */
  readonly intervalMs: number;
}

interface Subscriber<T> {
  id: string;
  check(item: T | undefined): WaitCheck<unknown, unknown>;
  options: WatchOptions<unknown>;
  label: string;
  start: number;
  deadline: number;
  attempts: number;
  lastState: unknown;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/**
 * A shared poller: any number of waits subscribe to ids, and each tick makes one list call for all
 * of them (one get when a single id is watched). 500 machines waited on at once cost one request
 * a second instead of 500 GetMachine calls with their own backoff. A failing tick backs off for
 * every waiter together; an error that no retry can fix (401, 403, a bad request) fails them all.
 *
 * @example
 * const machines = createWatcher({
 *   list: (_ids, signal) => client.machines.list({ signal }),
 *   get: (id, signal) => client.machines.get(id, { signal }).catch(notFoundAsUndefined),
 *   keyOf: (m) => m.id,
 * });
 * await Promise.all(ids.map((id) => machines.waitFor(id, (m) =>
 *   m?.state === 'running' ? { status: 'done', value: m } : { status: 'pending', state: m?.state })));
 */
export function createWatcher<T>(options: WatcherOptions<T>): Watcher<T> {
  const intervalMs = options.intervalMs ?? 1_000;
  const maxIntervalMs = options.maxIntervalMs ?? 30_000;
  if (!(intervalMs > 0) || !(maxIntervalMs >= intervalMs)) {
    throw new ValidationError('createWatcher: intervalMs must be > 0 and maxIntervalMs >= intervalMs', [
      { path: 'intervalMs', message: 'a positive number of milliseconds, at most maxIntervalMs' },
    ]);
  }
  const clock = options.clock ?? (() => performance.now());
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  const subscribers = new Set<Subscriber<T>>();
  let running = false;
  // Aborted when the last waiter leaves, so an idle loop does not keep the process alive.
  let idle = new AbortController();

  const settle = (subscriber: Subscriber<T>): void => {
    subscribers.delete(subscriber);
    if (subscribers.size === 0) idle.abort();
  };

  const expire = (now: number): void => {
    for (const subscriber of [...subscribers]) {
      if (now < subscriber.deadline) continue;
      settle(subscriber);
      const { attempts } = subscriber;
      subscriber.reject(
        new WaitTimeoutError(
          `Timed out after ${subscriber.deadline - subscriber.start} ms waiting for ${subscriber.label} (${attempts} check${attempts === 1 ? '' : 's'})`,
          subscriber.lastState,
          attempts,
        ),
      );
    }
  };

  const failAll = (error: unknown): void => {
    for (const subscriber of [...subscribers]) {
      settle(subscriber);
      subscriber.reject(error);
    }
  };

  const read = async (signal: AbortSignal): Promise<Map<string, T | undefined>> => {
    const ids = [...new Set([...subscribers].map((s) => s.id))];
    const items = new Map<string, T | undefined>();
    if (ids.length === 1 && options.get) {
      const id = ids[0] as string;
      items.set(id, await options.get(id, signal));
      return items;
    }
    const wanted = new Set(ids);
    for await (const item of await options.list(ids, signal)) {
      const key = options.keyOf(item);
      if (wanted.has(key)) items.set(key, item);
    }
    const missing = ids.filter((id) => !items.has(id));
    const { get } = options;
    if (get) {
      // A filtered list can drop many ids in one tick (500 machines leaving `provisioning`): a few
      // gets in flight confirm them without one long serial chain or a burst of hundreds.
      let next = 0;
      const confirm = async (): Promise<void> => {
        while (next < missing.length) {
          const id = missing[next++] as string;
          items.set(id, await get(id, signal));
        }
      };
      await Promise.all(Array.from({ length: Math.min(CONFIRM_CONCURRENCY, missing.length) }, confirm));
    } else {
      for (const id of missing) items.set(id, undefined);
    }
    return items;
  };

  const deliver = (items: Map<string, T | undefined>, now: number): void => {
    for (const subscriber of [...subscribers]) {
      if (!items.has(subscriber.id)) continue;
      subscriber.attempts += 1;
      let outcome: WaitCheck<unknown, unknown>;
      try {
        outcome = subscriber.check(items.get(subscriber.id));
      } catch (error) {
        settle(subscriber);
        subscriber.reject(error);
        continue;
      }
      if (outcome.status === 'done') {
        settle(subscriber);
        subscriber.resolve(outcome.value);
      } else if (outcome.status === 'failed') {
        settle(subscriber);
        subscriber.reject(
          new WaitFailureError(`Waiting for ${subscriber.label} failed: ${outcome.reason}`, outcome.state),
        );
      } else {
        subscriber.lastState = outcome.state;
        subscriber.options.onProgress?.({
          attempt: subscriber.attempts,
          state: outcome.state,
          elapsedMs: now - subscriber.start,
        });
      }
    }
  };

  const pause = async (ms: number): Promise<void> => {
    const earliest = Math.min(...[...subscribers].map((s) => s.deadline));
    const delay = Math.max(0, Math.min(ms, earliest - clock()));
    try {
      await sleep(delay, idle.signal);
    } catch {
      // Woken because every waiter left: the loop ends below.
    }
  };

  const loop = async (): Promise<void> => {
    let failures = 0;
    while (subscribers.size > 0) {
      if (idle.signal.aborted) idle = new AbortController();
      expire(clock());
      if (subscribers.size === 0) break;
      const tick = idle.signal;
      try {
        const items = await read(tick);
        failures = 0;
        deliver(items, clock());
      } catch (error) {
        if (subscribers.size === 0) break;
        // Every waiter left during the read and a new one came: read again for it.
        if (tick.aborted) continue;
        if (!isTransient(error)) {
          failAll(error);
          break;
        }
        failures += 1;
        await pause(waitDelay(failures, intervalMs, maxIntervalMs, random));
        continue;
      }
      expire(clock());
      if (subscribers.size === 0) break;
      await pause(intervalMs);
    }
  };

  const ensureRunning = (): void => {
    if (running) return;
    running = true;
    // Started on the next turn, so waits added in the same turn share the first tick.
    setImmediate(() => {
      loop().finally(() => {
        running = false;
        if (subscribers.size > 0) ensureRunning();
      });
    });
  };

  return {
    waitFor<S, R>(
      id: string,
      check: (item: T | undefined) => WaitCheck<S, R>,
      watch: WatchOptions<S> = {},
    ): Promise<R> {
      const label = watch.label ?? id;
      const { signal } = watch;
      try {
        throwIfAborted(signal, `Waiting for ${label}`);
      } catch (error) {
        // A promise-returning API fails through its promise, as `waitFor` does.
        return Promise.reject(error);
      }
      const timeoutMs = watch.timeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS;
      if (!(timeoutMs > 0) || !Number.isFinite(timeoutMs)) {
        return Promise.reject(
          new ValidationError(`timeoutMs must be a finite number > 0, got ${String(timeoutMs)}`, [
            { path: 'timeoutMs', message: 'a finite number of milliseconds > 0' },
          ]),
        );
      }
      return new Promise<R>((resolve, reject) => {
        const start = clock();
        const subscriber: Subscriber<T> = {
          id,
          check: check as Subscriber<T>['check'],
          options: watch as WatchOptions<unknown>,
          label,
          start,
          deadline: start + timeoutMs,
          attempts: 0,
          lastState: undefined,
          resolve: (value) => {
            signal?.removeEventListener('abort', onAbort);
            resolve(value as R);
          },
          reject: (error) => {
            signal?.removeEventListener('abort', onAbort);
            reject(error);
          },
        };
        function onAbort(): void {
          if (!subscribers.has(subscriber)) return;
          settle(subscriber);
          reject(abortErrorFor(signal as AbortSignal, `Waiting for ${label}`));
        }
        signal?.addEventListener('abort', onAbort, { once: true });
        subscribers.add(subscriber);
        ensureRunning();
      });
    },
    get size() {
      return subscribers.size;
    },
    intervalMs,
  };
}

/** Errors a later tick may not see: rate limits, 5xx, network trouble and per-attempt timeouts. */
function isTransient(error: unknown): boolean {
  if (isApiError(error)) return error.retryable;
  return false;
}
