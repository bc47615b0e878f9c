import type { WaitCheck, WaitOptions } from './types.js';
import { waitFor } from './wait-for.js';
import type { Watcher } from './watcher.js';

/** How a wait that sets its own timing reads its item, and its default timing. */
export interface SoloPoll<T, S> {
  /** Reads the item once, `undefined` when it is gone. */
  read(signal?: AbortSignal): Promise<T | undefined>;
  /** Applied under the caller's options (a service's usual delays, a label). */
  defaults?: Partial<WaitOptions<S>>;
}

/**
 * True when a wait's options set its own polling timing (delays, clock, sleep or jitter): the
 * caller asked for that exact schedule, which a watcher shared with other waits cannot give.
 */
export function setsOwnTiming(options: WaitOptions<never>): boolean {
  return (
    options.minDelayMs !== undefined ||
    options.maxDelayMs !== undefined ||
    options.clock !== undefined ||
    options.sleep !== undefined ||
    options.random !== undefined
  );
}

/**
 * Runs one item's wait through the shared `watcher` (one list call per tick for every wait on that
 * kind of resource), or alone with core's backoff when its options set their own timing. Deadline,
 * abort, label and progress mean the same on both paths, so a provider's `waitFor…` keeps one
 * signature.
 * @example
 * return watchOrPoll(jobWatcher(jobs), id, check, options, { read: (signal) => readJob(jobs, id, signal) });
 */
export function watchOrPoll<T, S, R>(
  watcher: Watcher<T>,
  id: string,
  check: (item: T | undefined) => WaitCheck<S, R>,
  options: WaitOptions<S>,
  solo: SoloPoll<T, S>,
): Promise<R> {
  const { defaults = {} } = solo;
  if (setsOwnTiming(options)) {
    return waitFor<S, R>(async (signal) => check(await solo.read(signal)), { ...defaults, ...options });
  }
  const label = options.label ?? defaults.label;
  const timeoutMs = options.timeoutMs ?? defaults.timeoutMs;
  const { signal, onProgress } = options;
  return watcher.waitFor(id, check, {
    ...(label === undefined ? {} : { label }),
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
    ...(signal === undefined ? {} : { signal }),
    ...(onProgress === undefined
      ? {}
      : { onProgress: (progress) => onProgress({ ...progress, nextDelayMs: watcher.intervalMs }) }),
  });
}
