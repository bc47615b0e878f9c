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

/** `updateWithRetry` kept losing the race: every attempt's precondition failed. */
export class ConcurrencyConflictError extends ApiError {
  readonly attempts: number;
  constructor(message: string, attempts: number, options: ApiErrorOptions = {}) {
    super('CONCURRENCY_CONFLICT', message, { details: { attempts }, ...options });
    this.attempts = attempts;
  }
}
