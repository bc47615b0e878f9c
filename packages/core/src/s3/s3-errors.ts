import { ApiError, type ApiErrorOptions, type ErrorCode, isApiError } from '../errors/api-error.js';
import {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  HttpError,
  NotFoundError,
  PermissionError,
  PreconditionFailedError,
  RateLimitedError,
  ServerError,
} from '../errors/http-errors.js';
import { AbortError, NetworkError, TimeoutError } from '../errors/transport-errors.js';

/** What the SDK's errors carry that matters here; no SDK type leaks into our signatures. */
interface SdkErrorShape {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number; requestId?: string };
}

const TRANSIENT_STATUS = new Set([408, 425, 429, 500, 502, 503, 504]);
const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNABORTED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_SOCKET',
]);
// Answers meaning "the bytes arrived damaged": the next attempt sends the same, correct buffer.
const RETRYABLE_S3_CODES = new Set(['RequestTimeout', 'BadDigest', 'XAmzContentSHA256Mismatch', 'SlowDown']);

/**
 * Turns whatever the SDK threw into a nimbus {@link ApiError} with `retryable` set the way the
 * transfer engine decides: 408/425/429/5xx, reset or refused connections and timeouts are transient.
 */
export function toApiError(error: unknown, what: string): ApiError {
  if (isApiError(error)) return error;
  const e = (error ?? {}) as SdkErrorShape;
  const status = e.$metadata?.httpStatusCode;
  const requestId = e.$metadata?.requestId;
  const label = e.name && e.name !== 'Error' ? `${e.name}: ` : '';
  const message = `${what} failed: ${label}${e.message || String(error)}`;
  const base: ApiErrorOptions = { cause: error, ...(requestId ? { requestId } : {}) };
  if (e.name === 'AbortError') return new AbortError(`${what} was aborted`, base);
  if (e.name === 'TimeoutError' || e.code === 'ETIMEDOUT' || e.name === 'RequestTimeout') {
    return new TimeoutError(message, base);
  }
  if (status !== undefined && status >= 400) {
    const options = { ...base, status, details: { s3Code: e.name } };
    if (RETRYABLE_S3_CODES.has(e.name ?? '') && status < 500) {
      return new HttpError(message, { ...options, retryable: true });
    }
    return httpErrorFor(status, message, options);
  }
  if (
    NETWORK_CODES.has(e.code ?? '') ||
    /socket hang up|ECONNRESET|EPIPE|other side closed/i.test(e.message ?? '')
  ) {
    return new NetworkError(message, base);
  }
  return new ApiError('HTTP', message, { ...base, retryable: false });
}

function httpErrorFor(
  status: number,
  message: string,
  options: ApiErrorOptions & { status: number },
): HttpError {
  if (status === 429) return new RateLimitedError(message, options);
  if (status >= 500) return new ServerError(message, { ...options, retryable: TRANSIENT_STATUS.has(status) });
  if (status === 401) return new AuthenticationError(message, options);
  if (status === 403) return new PermissionError(message, options);
  if (status === 404) return new NotFoundError(message, options);
  if (status === 409) return new ConflictError(message, options);
  if (status === 412) return new PreconditionFailedError(message, options);
  if (TRANSIENT_STATUS.has(status)) return new HttpError(message, { ...options, retryable: true });
  return new BadRequestError(message, options);
}

/** What became of a multipart upload after the transfer failed. */
export type MultipartOutcome = 'aborted' | 'kept' | 'abort-failed' | 'none';

/**
 * An upload gave up. `multipartUpload` says whether the server-side multipart upload was aborted
 * (nothing left behind), kept for a resume (state in `resumeStatePath`), or could not be aborted.
 */
export class UploadFailedError extends ApiError {
  readonly multipartUpload: MultipartOutcome;
  readonly uploadId: string | undefined;
  readonly resumeStatePath: string | undefined;
  constructor(
    message: string,
    cause: ApiError,
    outcome: { multipartUpload: MultipartOutcome; uploadId?: string; resumeStatePath?: string },
  ) {
    super(cause.code, message, {
      cause,
      retryable: cause.retryable,
      ...(cause.status === undefined ? {} : { status: cause.status }),
      ...(cause.requestId === undefined ? {} : { requestId: cause.requestId }),
      details: { multipartUpload: outcome.multipartUpload, uploadId: outcome.uploadId },
    });
    this.multipartUpload = outcome.multipartUpload;
    this.uploadId = outcome.uploadId;
    this.resumeStatePath = outcome.resumeStatePath;
  }
}

/**
 * The server holds different bytes than were sent or expected: an ETag or MD5 that does not match
 * the one computed locally. Never retried silently: the caller decides whether to upload again.
 */
export class IntegrityError extends ApiError {
  readonly expected: string;
  readonly actual: string;
  constructor(message: string, expected: string, actual: string, code: ErrorCode = 'SERVER') {
    super(code, `${message}: expected ${expected}, got ${actual || '(none)'}`, {
      retryable: false,
      details: { expected, actual },
    });
    this.expected = expected;
    this.actual = actual;
  }
}
