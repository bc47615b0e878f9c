import { AbortError } from '../errors/transport-errors.js';

/** The error nimbus throws when a caller's signal fires; the signal's reason is kept as `cause`. */
export function abortErrorFor(signal: AbortSignal, what: string): AbortError {
  return new AbortError(`${what} was aborted`, { cause: signal.reason });
}

/** Throws an {@link AbortError} when `signal` has already fired. */
export function throwIfAborted(signal: AbortSignal | undefined, what: string): void {
  if (signal?.aborted) throw abortErrorFor(signal, what);
}

/**
 * Settles with `promise`, or rejects with an {@link AbortError} as soon as `signal` fires, so work
 * that ignores its signal cannot hold the caller. The abandoned promise's rejection is swallowed.
 */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined, what: string): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) {
    promise.catch(() => {});
    return Promise.reject(abortErrorFor(signal, what));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      promise.catch(() => {});
      reject(abortErrorFor(signal, what));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
