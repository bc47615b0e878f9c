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
 * Waits for `shared` (work other callers also wait on) but stops waiting, with an {@link AbortError},
 * when this caller's `signal` fires; the shared work itself goes on for the others.
 */
export function waitUnlessAborted<T>(
  shared: Promise<T>,
  signal: AbortSignal | undefined,
  what: string,
): Promise<T> {
  if (!signal) return shared;
  if (signal.aborted) return Promise.reject(abortErrorFor(signal, what));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortErrorFor(signal, what));
    signal.addEventListener('abort', onAbort, { once: true });
    shared.then(
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
