import { ApiError, type ApiErrorOptions } from './api-error.js';

/** The request never got an HTTP answer: refused, reset, DNS, TLS. */
export class NetworkError extends ApiError {
  constructor(message: string, options: ApiErrorOptions = {}) {
    super('NETWORK', message, { retryable: true, ...options });
  }
}
/** An attempt or the whole call ran past its time limit. */
export class TimeoutError extends ApiError {
  constructor(message: string, options: ApiErrorOptions = {}) {
    super('TIMEOUT', message, { retryable: true, ...options });
  }
}
/** The caller's AbortSignal fired. Never retried. */
export class AbortError extends ApiError {
  constructor(message = 'The operation was aborted', options: ApiErrorOptions = {}) {
    super('ABORTED', message, { ...options, retryable: false });
  }
}
