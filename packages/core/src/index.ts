/**
 * @nimbus-sdk/core: what every nimbus SDK is built on. Transport, auth strategies, paging,
 * ETag concurrency, waiters, errors, config profiles, and streamed upload sources and download targets.
 */
export * from './auth/index.js';
export * from './config/index.js';
export * from './errors/index.js';
export * from './etag/index.js';
export * from './input/index.js';
export * from './paging/index.js';
export * from './transfer/index.js';
export * from './transport/index.js';
export * from './waiters/index.js';
