/**
 * @nimbus-sdk/core: what every nimbus SDK is built on, as its users see it: transport, auth
 * strategies, paging, ETag concurrency, waiters, errors, path segments, untrusted-JSON checks, and
 * streamed upload sources and download targets. Provider authors find the provider kit
 * and profiles in `./provider`, the CLI base in `./cli`, the emulator kit in `./testing`, and the
 * signing machinery under the strategies in `./signing`.
 */
export {
  type AuthContext,
  type AuthRejection,
  type AuthStrategy,
  type BearerTokenSource,
  basic,
  bearer,
  type ClockSkewOptions,
  correctClockSkew,
  type FetchLike,
  type FindSigningKeyOptions,
  findSigningKey,
  fingerprintMd5,
  type HeaderValueMode,
  type HmacV4Credentials,
  type HmacV4Options,
  type HmacV4PathMode,
  type HmacV4Profile,
  type HmacV4QueryMode,
  type HttpSignatureFormat,
  type HttpSignatureKeyId,
  type HttpSignatureOptions,
  hmacV4,
  httpSignature,
  noAuth,
  type OAuth2ClientCredentialsOptions,
  oauth2ClientCredentials,
  parseFingerprint,
  type SignableRequest,
  type UnauthorizedContext,
} from './auth/index.js';
export { homeDirectory } from './config/home-dir.js';
export {
  AbortError,
  AmbiguousOutcomeError,
  ApiError,
  type ApiErrorJSON,
  type ApiErrorOptions,
  AuthenticationError,
  BadRequestError,
  ConcurrencyConflictError,
  ConfigError,
  ConflictError,
  type ErrorCode,
  HttpError,
  isApiError,
  NetworkError,
  NotFoundError,
  type ParsedErrorBody,
  PayloadTooLargeError,
  PermissionError,
  PreconditionFailedError,
  RateLimitedError,
  ServerError,
  type SigningDiagnostics,
  SigningError,
  TimeoutError,
  ValidationError,
  type ValidationIssue,
  WaitFailureError,
  WaitTimeoutError,
} from './errors/index.js';
export * from './etag/index.js';
export * from './input/index.js';
export * from './paging/index.js';
export * from './transfer/index.js';
export { createTransport } from './transport/create-transport.js';
export { joinPath, type NamedSegment, pathSegment } from './transport/path-segments.js';
export type * from './transport/types.js';
export * from './waiters/index.js';
