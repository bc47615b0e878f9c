/**
 * @nimbus-sdk/core/transport: the transport and the pieces it is built from, for a provider that
 * must send a request the platform fetch cannot (naas's GET with a body) with the same retry
 * policy, Retry-After handling, typed errors and redaction. SDK users need only the root.
 */

export { type ErrorResponseInfo, errorFromResponse, type ParsedErrorBody } from '../errors/from-response.js';
export { redactUrl, redactValue } from '../errors/redact.js';
export { createTransport } from './create-transport.js';
export { joinPath, type NamedSegment, pathSegment } from './path-segments.js';
export { parseRetryAfterMs } from './retry-after.js';
export { backoffDelayMs, type RetryPolicy, resolveRetryPolicy } from './retry-policy.js';
export type * from './types.js';
export { CORE_VERSION, userAgent } from './user-agent.js';
