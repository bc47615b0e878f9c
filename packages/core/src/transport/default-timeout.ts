/**
 * The per-attempt timeout of every transport, so every provider's client waits the same unless told
 * otherwise: tens of seconds, long enough for a slow control plane, short enough that a server
 * that accepts connections and never answers fails the command in well under a minute per attempt.
 */
export const DEFAULT_ATTEMPT_TIMEOUT_MS = 30_000;
