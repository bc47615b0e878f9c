import { AbortError } from '../errors/transport-errors.js';

/** The error nimbus throws when a caller's signal fires; the signal's reason is kept as `cause`. */
export function abortErrorFor(signal: AbortSignal, what: string): AbortError {
  return new AbortError(`${what} was aborted`, { cause: signal.reason });
}

/** Throws an {@link AbortError} when `signal` has already fired. */
export function throwIfAborted(signal: AbortSignal | undefined, what: string): void {
  if (signal?.aborted) throw abortErrorFor(signal, what);
}
