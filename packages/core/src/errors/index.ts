export {
  ApiError,
  type ApiErrorJSON,
  type ApiErrorOptions,
  type ErrorCode,
  isApiError,
} from './api-error.js';
export {
  ConfigError,
  type SigningDiagnostics,
  SigningError,
  ValidationError,
  type ValidationIssue,
} from './client-errors.js';
export { type ErrorResponseInfo, errorFromResponse, type ParsedErrorBody } from './from-response.js';
export {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  HttpError,
  NotFoundError,
  PayloadTooLargeError,
  PermissionError,
  PreconditionFailedError,
  RateLimitedError,
  ServerError,
} from './http-errors.js';
export { AbortError, NetworkError, TimeoutError } from './transport-errors.js';
export {
  AmbiguousOutcomeError,
  ConcurrencyConflictError,
  WaitFailureError,
  WaitTimeoutError,
} from './workflow-errors.js';
