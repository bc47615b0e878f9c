/** Why an in-flight attempt was cut short. */
export type StopReason = 'caller' | 'deadline' | 'attempt-timeout';

/**
 * The abort wiring of one call: the caller's signal, the whole-call deadline, and a fresh timer per
 * attempt. Each source is kept apart so a failure can be named precisely (AbortError vs TimeoutError,
 * retryable or not) instead of guessing from the error fetch happened to throw.
 */
export class CallSignals {
  readonly #caller: AbortSignal | undefined;
  readonly #deadline = new AbortController();
  readonly #deadlineTimer: ReturnType<typeof setTimeout> | undefined;
  /** Fires on caller abort or deadline: what sleeps between attempts listen to. */
  readonly callSignal: AbortSignal;

  constructor(caller: AbortSignal | undefined, totalTimeoutMs: number | undefined) {
    this.#caller = caller;
    this.callSignal = caller ? AbortSignal.any([caller, this.#deadline.signal]) : this.#deadline.signal;
    if (totalTimeoutMs !== undefined) {
      this.#deadlineTimer = setTimeout(() => this.#deadline.abort(), totalTimeoutMs);
    }
  }

  /** Which whole-call limit has fired, if any. The caller wins ties: it asked to stop. */
  callStop(): StopReason | undefined {
    if (this.#caller?.aborted) return 'caller';
    if (this.#deadline.signal.aborted) return 'deadline';
    return undefined;
  }

  /** Starts one attempt's timer; dispose the result when the attempt's body has been read. */
  startAttempt(timeoutMs: number): AttemptSignal {
    return new AttemptSignal(this, timeoutMs);
  }

  dispose(): void {
    if (this.#deadlineTimer !== undefined) clearTimeout(this.#deadlineTimer);
  }
}

/** One attempt's signal: the call's limits plus its own timeout. */
export class AttemptSignal {
  readonly signal: AbortSignal;
  readonly #call: CallSignals;
  readonly #timeout = new AbortController();
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(call: CallSignals, timeoutMs: number) {
    this.#call = call;
    this.#timer = setTimeout(() => this.#timeout.abort(), timeoutMs);
    this.signal = AbortSignal.any([call.callSignal, this.#timeout.signal]);
  }

  /** Why this attempt was stopped, or `undefined` when nothing fired (a genuine network failure). */
  stopReason(): StopReason | undefined {
    return this.#call.callStop() ?? (this.#timeout.signal.aborted ? 'attempt-timeout' : undefined);
  }

  /** Stops the attempt timer; a returned stream then lives on under the caller's signal only. */
  dispose(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
