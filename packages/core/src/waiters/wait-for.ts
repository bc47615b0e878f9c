import { WaitFailureError, WaitTimeoutError } from '../errors/workflow-errors.js';
import { abortErrorFor, throwIfAborted } from './abort.js';
import { waitDelay } from './backoff.js';
import { sleep as realSleep } from './sleep.js';
import type { WaitCheck, WaitOptions } from './types.js';
import { resolveWaitTiming } from './wait-options.js';

/**
 * Calls `check` until it reports `done` (resolving with its value) or `failed` (rejecting with a
 * `WaitFailureError`), sleeping with jittered exponential backoff between checks.
 *
 * The wait always has a deadline (`timeoutMs`, default 10 min). The last check is scheduled so it
 * can finish before the deadline instead of sleeping past it; a check still running at the
 * deadline is abandoned. The deadline raises `WaitTimeoutError` with the last state and the number
 * of checks; the caller's `signal` raises `AbortError` at once, even mid-check.
 *
 * @example
 * const machine = await waitFor(async (signal) => {
 *   const m = await client.machines.get(id, { signal });
 *   if (m.state === 'running') return { status: 'done', value: m };
 *   if (m.state === 'failed') return { status: 'failed', state: m.state, reason: 'provisioning failed' };
 *   return { status: 'pending', state: m.state };
 * }, { timeoutMs: 300_000, label: `machine ${id} to be running` });
 */
export async function waitFor<S, R>(
  check: (signal?: AbortSignal) => Promise<WaitCheck<S, R>>,
  options: WaitOptions<S> = {},
): Promise<R> {
  const { timeoutMs, minDelayMs, maxDelayMs } = resolveWaitTiming(options);
  const { signal, onProgress } = options;
  const clock = options.clock ?? (() => performance.now());
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  const label = options.label ?? 'the operation';
  throwIfAborted(signal, `Waiting for ${label}`);

  const start = clock();
  const deadline = start + timeoutMs;
  let attempt = 0;
  let lastState: S | undefined;
  let longestCheckMs = 0;
  const timeout = () =>
    new WaitTimeoutError(
      `Timed out after ${timeoutMs} ms waiting for ${label} (${attempt} check${attempt === 1 ? '' : 's'})`,
      lastState,
      attempt,
    );

  for (;;) {
    attempt += 1;
    const checkStart = clock();
    const outcome = await checkBeforeDeadline(check, signal, deadline - checkStart, label);
    const now = clock();
    longestCheckMs = Math.max(longestCheckMs, now - checkStart);
    if (outcome === DEADLINE) throw timeout();
    if (outcome.status === 'done') return outcome.value;
    if (outcome.status === 'failed') {
      throw new WaitFailureError(`Waiting for ${label} failed: ${outcome.reason}`, outcome.state);
    }
    lastState = outcome.state;

    // The next check must be able to finish by the deadline; assume it takes as long as the
    // slowest one so far and start it no later than that.
    const latestStart = deadline - longestCheckMs;
    const delay =
      now >= latestStart
        ? undefined
        : Math.min(waitDelay(attempt, minDelayMs, maxDelayMs, random), latestStart - now);
    onProgress?.({ attempt, state: outcome.state, elapsedMs: now - start, nextDelayMs: delay ?? 0 });
    if (delay === undefined) throw timeout();
    await sleep(delay, signal);
    throwIfAborted(signal, `Waiting for ${label}`);
  }
}

const DEADLINE = Symbol('deadline');

/** setTimeout's ceiling; a longer deadline is enforced by the loop alone. */
const MAX_TIMER_MS = 2_147_483_647;

/**
 * Runs one check, settling early when the caller aborts or the deadline passes. The check's signal
 * fires in both cases so an HTTP request behind it is cancelled rather than left running.
 */
async function checkBeforeDeadline<S, R>(
  check: (signal?: AbortSignal) => Promise<WaitCheck<S, R>>,
  signal: AbortSignal | undefined,
  remainingMs: number,
  label: string,
): Promise<WaitCheck<S, R> | typeof DEADLINE> {
  const controller = new AbortController();
  let onAbort: (() => void) | undefined;
  let timer: NodeJS.Timeout | undefined;
  const stopped = new Promise<typeof DEADLINE>((resolve, reject) => {
    onAbort = () => {
      controller.abort(signal?.reason);
      reject(abortErrorFor(signal as AbortSignal, `Waiting for ${label}`));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    if (remainingMs <= MAX_TIMER_MS) {
      timer = setTimeout(
        () => {
          controller.abort(new Error('wait deadline reached'));
          resolve(DEADLINE);
        },
        Math.max(0, remainingMs),
      );
    }
  });
  try {
    const running = Promise.resolve().then(() => check(controller.signal));
    running.catch(() => {});
    return await Promise.race([running, stopped]);
  } finally {
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener('abort', onAbort);
  }
}
