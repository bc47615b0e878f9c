export { findLink, type LinkHeaderEntry, parseLinkHeader } from './link-header.js';
export { type LinkHeaderOptions, type LinkHeaderResult, linkHeaderPages } from './link-header-pages.js';
export { type OffsetLimitOptions, type OffsetLimitResult, offsetLimitPages } from './offset-limit.js';
export { type PageTokenOptions, type PageTokenResult, pageTokenPages } from './page-token.js';
export { paginate } from './paginate.js';
export { RepeatedCursorError } from './repeated-cursor-error.js';
export type * from './types.js';
