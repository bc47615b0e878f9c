/** A one-shot fault waiting for the next request(s). */
export type PendingFault =
  | { kind: 'fail'; status: number; body: unknown }
  | { kind: 'rate-limit'; retryAfterSeconds: number }
  | { kind: 'reset' }
  | { kind: 'drop-response' };

function count(name: string, n: number): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${name}: n must be a whole number >= 0, got ${n}`);
  return n;
}

/**
 * Deterministic fault injection, settable while the server runs. One-shot faults queue in the order
 * they were set and each consumes exactly one request; latency and clock skew stay until cleared.
 *
 * @example
 * emulator.faults.failNext(2, 503); // the next two requests get 503, the third goes through
 */
export class FaultController {
  #queue: PendingFault[] = [];
  #latencyMs = 0;
  #skewMs = 0;

  /** Delays every request by `ms` before it reaches its handler. */
  latency(ms: number): this {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`latency: ms must be >= 0, got ${ms}`);
    this.#latencyMs = ms;
    return this;
  }

  /** Answers the next `n` requests with `status` (body default `{ message }`). */
  failNext(n: number, status: number, body?: unknown): this {
    if (!Number.isInteger(status) || status < 400 || status > 599) {
      throw new RangeError(`failNext: status must be 400-599, got ${status}`);
    }
    const answer = body ?? { message: `injected fault: HTTP ${status}` };
    for (let i = 0; i < count('failNext', n); i++) this.#queue.push({ kind: 'fail', status, body: answer });
    return this;
  }

  /** Answers the next `n` requests with 429 and `Retry-After: retryAfterSeconds`. */
  rateLimitNext(n: number, retryAfterSeconds: number): this {
    if (!Number.isFinite(retryAfterSeconds) || retryAfterSeconds < 0) {
      throw new RangeError(`rateLimitNext: retryAfterSeconds must be >= 0, got ${retryAfterSeconds}`);
    }
    for (let i = 0; i < count('rateLimitNext', n); i++) {
      this.#queue.push({ kind: 'rate-limit', retryAfterSeconds });
    }
    return this;
  }

  /** Destroys the connection of the next `n` requests after they arrive, without any answer. */
  resetNext(n: number): this {
    for (let i = 0; i < count('resetNext', n); i++) this.#queue.push({ kind: 'reset' });
    return this;
  }

  /**
   * Lets the next `n` requests reach their handler (a write is applied) and then destroys the
   * connection instead of answering: the client cannot tell whether its request took effect.
   */
  dropResponseNext(n: number): this {
    for (let i = 0; i < count('dropResponseNext', n); i++) this.#queue.push({ kind: 'drop-response' });
    return this;
  }

  /** Shifts what `request.now()` and the emulator clock return by `ms` (negative: behind). */
  skewClock(ms: number): this {
    if (!Number.isFinite(ms)) throw new RangeError(`skewClock: ms must be finite, got ${ms}`);
    this.#skewMs = ms;
    return this;
  }

  /** Removes every fault: queued ones, latency and skew. */
  clear(): this {
    this.#queue = [];
    this.#latencyMs = 0;
    this.#skewMs = 0;
    return this;
  }

  /** The latency currently applied to every request. */
  get latencyMs(): number {
    return this.#latencyMs;
  }

  /** The clock skew currently applied. */
  get clockSkewMs(): number {
    return this.#skewMs;
  }

  /** One-shot faults not yet consumed. */
  get pending(): number {
    return this.#queue.length;
  }

  /** Consumes the fault for the request that just arrived, if one is queued (the server calls this). */
  take(): PendingFault | undefined {
    return this.#queue.shift();
  }
}
