import { redactValue } from './redact.js';

/** Symbol.for so that the brand survives duplicate copies of this package in one process. */
const BRAND = Symbol.for('@nimbus-sdk/core/ApiError');

/** Stable, documented error codes. CLI exit codes and user `switch` statements rely on them. */
export type ErrorCode =
  | 'BAD_REQUEST'
  | 'AUTHENTICATION'
  | 'PERMISSION'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PRECONDITION_FAILED'
  | 'PAYLOAD_TOO_LARGE'
  | 'RATE_LIMITED'
  | 'SERVER'
  | 'HTTP'
  | 'NETWORK'
  | 'TIMEOUT'
  | 'ABORTED'
  | 'CONFIG'
  | 'VALIDATION'
  | 'SIGNING'
  | 'WAIT_TIMEOUT'
  | 'WAIT_FAILURE'
  | 'CONCURRENCY_CONFLICT'
  | 'AMBIGUOUS_OUTCOME';

/** Fields every nimbus error can carry. */
export interface ApiErrorOptions {
  /** HTTP status, when the error came from a response. */
  status?: number;
  /** The server's request id (or the one nimbus generated) to quote to support. */
  requestId?: string;
  /** Whether retrying the same call may succeed. */
  retryable?: boolean;
  /** The parsed error body or other structured detail; redacted in `toJSON()`. */
  details?: unknown;
  /** The HTTP method and redacted URL of the failed request. */
  request?: { method: string; url: string };
  /** An earlier attempt of the same call went unanswered (see {@link ApiError.afterUnansweredAttempt}). */
  afterUnansweredAttempt?: boolean;
  cause?: unknown;
}

/** The JSON form of an error: what `--json` prints under `"error"`. */
export interface ApiErrorJSON {
  name: string;
  code: ErrorCode;
  message: string;
  status?: number;
  requestId?: string;
  retryable: boolean;
  details?: unknown;
  request?: { method: string; url: string };
}

/**
 * Base of every error nimbus throws. Check with {@link isApiError} rather than `instanceof`, which
 * fails when two copies of `@nimbus-sdk/core` are installed.
 *
 * @example
 * try { await dci.jobs.get(id) } catch (e) { if (isApiError(e) && e.code === 'NOT_FOUND') ... }
 */
export class ApiError extends Error {
  readonly [BRAND] = true;
  readonly code: ErrorCode;
  readonly status: number | undefined;
  readonly requestId: string | undefined;
  readonly retryable: boolean;
  readonly details: unknown;
  readonly request: { method: string; url: string } | undefined;
  /**
   * True when an earlier attempt of this call was sent but never answered (a lost response), so the
   * server may already hold this call's write: a 412/404 now may be this call's own doing.
   */
  readonly afterUnansweredAttempt: boolean;

  constructor(code: ErrorCode, message: string, options: ApiErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.status = options.status;
    this.requestId = options.requestId;
    this.retryable = options.retryable ?? false;
    this.details = options.details;
    this.request = options.request;
    this.afterUnansweredAttempt = options.afterUnansweredAttempt ?? false;
  }

  /** A JSON view with credentials redacted; safe to log or print. */
  toJSON(): ApiErrorJSON {
    const json: ApiErrorJSON = {
      name: this.name,
      code: this.code,
      message: this.message,
      retryable: this.retryable,
    };
    if (this.status !== undefined) json.status = this.status;
    if (this.requestId !== undefined) json.requestId = this.requestId;
    if (this.details !== undefined) json.details = redactValue(this.details);
    if (this.request !== undefined) json.request = this.request;
    return json;
  }
}

/** True for any nimbus error, even one thrown by another installed copy of core. */
export function isApiError(value: unknown): value is ApiError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}
