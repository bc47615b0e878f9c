/** Why an in-flight attempt was cut short. */
export type StopReason = 'caller' | 'deadline' | 'attempt-timeout';

/**
 * The abort wiring of one call: the caller's signal, the whole-call deadline, and a fresh timer per
 * attempt. Each source is kept apart so a failure can be named precisely (AbortError vs TimeoutError,
 * retryable or not) instead of guessing from the error fetch happened to throw. Plain controllers and
 * listeners are used rather than `AbortSignal.any`, which costs a measurable share of a loopback call.
 */
export class CallSignals {
  readonly #caller: AbortSignal | undefined;
  #call: AbortController | undefined;
  readonly #deadlineTimer: ReturnType<typeof setTimeout> | undefined;
  // Made only when there is a caller signal to listen to.
  #onCallerAbort: (() => void) | undefined;
  #deadlineFired = false;
  #keepCallerLink = false;

  constructor(caller: AbortSignal | undefined, totalTimeoutMs: number | undefined) {
    this.#caller = caller;
    if (caller === undefined && totalTimeoutMs === undefined) return;
    this.#call = new AbortController();
    if (caller !== undefined) {
      this.#onCallerAbort = () => this.#call?.abort();
      caller.addEventListener('abort', this.#onCallerAbort, { once: true });
    }
    if (totalTimeoutMs !== undefined) {
      this.#deadlineTimer = setTimeout(() => {
        this.#deadlineFired = true;
        this.#call?.abort();
      }, totalTimeoutMs);
    }
  }

  /** True when a caller signal or a deadline can stop the call (else attempts need not listen). */
  get limited(): boolean {
    return this.#call !== undefined;
  }

  /** Fires on caller abort or deadline: what sleeps between attempts listen to. */
  get callSignal(): AbortSignal {
    // Without limits nothing ever aborts the call; a never-firing signal is made only when asked for.
    this.#call ??= new AbortController();
    return this.#call.signal;
  }

  /** Which whole-call limit has fired, if any. The caller wins ties: it asked to stop. */
  callStop(): StopReason | undefined {
    if (this.#caller?.aborted) return 'caller';
    if (this.#deadlineFired) return 'deadline';
    return undefined;
  }

  /** Starts one attempt's timer; dispose the result when the attempt's body has been read. */
  startAttempt(timeoutMs: number): AttemptSignal {
    return new AttemptSignal(this, timeoutMs);
  }

  /** A response stream handed to the caller stays abortable by the caller's signal. */
  keepCallerLink(): void {
    this.#keepCallerLink = true;
  }

  /** Detaches from the caller's signal once a kept-linked stream has been read to its end. */
  releaseCallerLink(): void {
    if (this.#onCallerAbort !== undefined) this.#caller?.removeEventListener('abort', this.#onCallerAbort);
  }

  dispose(): void {
    if (this.#deadlineTimer !== undefined) clearTimeout(this.#deadlineTimer);
    if (!this.#keepCallerLink) this.releaseCallerLink();
  }
}

/** One attempt's signal: the call's limits plus its own timeout. */
export class AttemptSignal {
  readonly #call: CallSignals;
  readonly #controller = new AbortController();
  #onCallAbort: (() => void) | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #timedOut = false;

  constructor(call: CallSignals, timeoutMs: number) {
    this.#call = call;
    if (call.limited) {
      if (call.callSignal.aborted) this.#controller.abort();
      else {
        this.#onCallAbort = () => this.#controller.abort();
        call.callSignal.addEventListener('abort', this.#onCallAbort, { once: true });
      }
    }
    this.#timer = setTimeout(() => {
      this.#timedOut = true;
      this.#controller.abort();
    }, timeoutMs);
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** Why this attempt was stopped, or `undefined` when nothing fired (a genuine network failure). */
  stopReason(): StopReason | undefined {
    return this.#call.callStop() ?? (this.#timedOut ? 'attempt-timeout' : undefined);
  }

  /**
   * Stops the attempt timer. Unless `keepCallerLink`, also detaches from the call's signal; a returned
   * stream keeps the link so the caller can still abort it.
   */
  dispose(keepCallerLink = false): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    if (!this.#call.limited) return;
    if (keepCallerLink) this.#call.keepCallerLink();
    else if (this.#onCallAbort !== undefined) {
      this.#call.callSignal.removeEventListener('abort', this.#onCallAbort);
    }
  }
}
