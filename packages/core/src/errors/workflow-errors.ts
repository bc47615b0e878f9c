import { ApiError, type ApiErrorOptions } from './api-error.js';

/** A waiter reached its deadline; `lastState` is what the last check saw. */
export class WaitTimeoutError<S = unknown> extends ApiError {
  readonly lastState: S | undefined;
  readonly attempts: number;
  constructor(message: string, lastState: S | undefined, attempts: number, options: ApiErrorOptions = {}) {
    super('WAIT_TIMEOUT', message, { details: { lastState, attempts }, ...options });
    this.lastState = lastState;
    this.attempts = attempts;
  }
}

/** A waiter saw a terminal failure state (a machine `failed`, a job `error`). */
export class WaitFailureError<S = unknown> extends ApiError {
  readonly state: S;
  constructor(message: string, state: S, options: ApiErrorOptions = {}) {
    super('WAIT_FAILURE', message, { details: { state }, ...options });
    this.state = state;
  }
}

/**
 * A write may or may not have taken effect: its response was lost, and what the server holds now
 * cannot tell whether this call's change landed (a create, or a resource changed again since).
 * Retrying blindly could apply it twice. `hint` says what to look for. CLI exit code 1.
 */
export class AmbiguousOutcomeError extends ApiError {
  /** What to check before retrying (`look for a job named "x": nimbus dci job list --where name:x`). */
  readonly hint: string | undefined;
  constructor(message: string, options: ApiErrorOptions & { hint?: string } = {}) {
    const { hint, ...rest } = options;
    super('AMBIGUOUS_OUTCOME', hint ? `${message}; ${hint}` : message, {
      ...rest,
      details: { ...(rest.details === undefined ? {} : { response: rest.details }), hint },
      retryable: false,
    });
    this.hint = hint;
  }
}

/** `updateWithRetry` kept losing the race: every attempt's precondition failed. */
export class ConcurrencyConflictError extends ApiError {
  readonly attempts: number;
  constructor(message: string, attempts: number, options: ApiErrorOptions = {}) {
    super('CONCURRENCY_CONFLICT', message, { details: { attempts }, ...options });
    this.attempts = attempts;
  }
}
