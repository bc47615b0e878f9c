export { createTransport } from './create-transport.js';
export { joinPath, type NamedSegment, pathSegment } from './path-segments.js';
export { parseRetryAfterMs } from './retry-after.js';
export { backoffDelayMs, type RetryPolicy, resolveRetryPolicy } from './retry-policy.js';
export type * from './types.js';
export { CORE_VERSION, userAgent } from './user-agent.js';
