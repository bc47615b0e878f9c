import type { WaitOptions } from './types.js';
import { waitFor } from './wait-for.js';

/** Options of {@link pollUntil} and {@link pollWhile}. */
export interface PollOptions<S> extends WaitOptions<S> {
  /**
   * Recognises terminal failure states: return a reason (or `true`) to stop with a
   * `WaitFailureError`, `false`/`undefined` to carry on. Checked before success.
   */
  isFailed?: (state: S) => string | boolean | undefined;
}

/**
 * Fetches a state until `isDone` accepts it, then resolves with that state.
 *
 * @example
 * const job = await pollUntil((signal) => dci.jobs.get(id, { signal }), (j) => j.status === 'success', {
 *   isFailed: (j) => (j.status === 'failure' ? `job ended in ${j.status}` : false),
 * });
 */
export function pollUntil<S>(
  fetchState: (signal?: AbortSignal) => Promise<S>,
  isDone: (state: S) => boolean,
  options: PollOptions<S> = {},
): Promise<S> {
  const { isFailed, ...waitOptions } = options;
  return waitFor<S, S>(async (signal) => {
    const state = await fetchState(signal);
    const failure = isFailed?.(state);
    if (failure !== undefined && failure !== false) {
      return { status: 'failed', state, reason: failure === true ? 'reached a failure state' : failure };
    }
    return isDone(state) ? { status: 'done', value: state } : { status: 'pending', state };
  }, waitOptions);
}

/**
 * Fetches a state while `isPending` holds (`provisioning`, `building`), then resolves with the
 * first state that is not pending, whatever it is; pass `isFailed` to reject the bad ones.
 */
export function pollWhile<S>(
  fetchState: (signal?: AbortSignal) => Promise<S>,
  isPending: (state: S) => boolean,
  options: PollOptions<S> = {},
): Promise<S> {
  return pollUntil(fetchState, (state) => !isPending(state), options);
}
