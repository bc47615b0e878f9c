import { ApiError, type ApiErrorOptions, type ErrorCode } from './api-error.js';

/** Any non-success HTTP answer. The subclasses below name the common ones. */
export class HttpError extends ApiError {
  constructor(message: string, options: ApiErrorOptions & { status: number }, code: ErrorCode = 'HTTP') {
    super(code, message, options);
  }
}
/** 400 and other 4xx answers without a dedicated class. */
export class BadRequestError extends HttpError {
  constructor(message: string, options: ApiErrorOptions & { status: number }) {
    super(message, options, 'BAD_REQUEST');
  }
}
/** 401: missing, wrong or expired credentials. */
export class AuthenticationError extends HttpError {
  constructor(message: string, options: ApiErrorOptions & { status: number }) {
    super(message, options, 'AUTHENTICATION');
  }
}
/** 403: authenticated but not allowed. */
export class PermissionError extends HttpError {
  constructor(message: string, options: ApiErrorOptions & { status: number }) {
    super(message, options, 'PERMISSION');
  }
}
/** 404 (and 410): the resource does not exist. */
export class NotFoundError extends HttpError {
  constructor(message: string, options: ApiErrorOptions & { status: number }) {
    super(message, options, 'NOT_FOUND');
  }
}
/** 409: the request conflicts with the resource's current state. */
export class ConflictError extends HttpError {
  constructor(message: string, options: ApiErrorOptions & { status: number }) {
    super(message, options, 'CONFLICT');
  }
}
/** 412: an `If-Match` / `If-None-Match` condition did not hold: someone else changed the resource. */
export class PreconditionFailedError extends HttpError {
  constructor(message: string, options: ApiErrorOptions & { status: number }) {
    super(message, options, 'PRECONDITION_FAILED');
  }
}
/** 413: the body is larger than the service accepts. */
export class PayloadTooLargeError extends HttpError {
  constructor(message: string, options: ApiErrorOptions & { status: number }) {
    super(message, options, 'PAYLOAD_TOO_LARGE');
  }
}
/** 429: throttled; `retryAfterMs` holds the server's hint when it gave one. */
export class RateLimitedError extends HttpError {
  readonly retryAfterMs: number | undefined;
  constructor(message: string, options: ApiErrorOptions & { status: number; retryAfterMs?: number }) {
    super(message, { retryable: true, ...options }, 'RATE_LIMITED');
    this.retryAfterMs = options.retryAfterMs;
  }
}
/** 5xx: the service failed. */
export class ServerError extends HttpError {
  constructor(message: string, options: ApiErrorOptions & { status: number }) {
    super(message, { retryable: [500, 502, 503, 504].includes(options.status), ...options }, 'SERVER');
  }
}
