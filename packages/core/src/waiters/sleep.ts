import { ValidationError } from '../errors/client-errors.js';
import { abortErrorFor } from './abort.js';

/**
 * Resolves after `ms` milliseconds; rejects with an `AbortError` as soon as `signal` fires (or at
 * once when it already has), clearing its timer so nothing keeps the process alive.
 *
 * @example
 * await sleep(500, controller.signal);
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (!Number.isFinite(ms) || ms < 0) {
    return Promise.reject(
      new ValidationError(`sleep: ms must be a finite number >= 0, got ${String(ms)}`, [
        { path: 'ms', message: 'must be a finite number >= 0' },
      ]),
    );
  }
  if (signal?.aborted) return Promise.reject(abortErrorFor(signal, 'sleep'));
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortErrorFor(signal as AbortSignal, 'sleep'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
