export { type Conditions, conditionHeaders, type Versioned } from './conditions.js';
export { type ConditionsInput, conditionsOf } from './conditions-of.js';
export { type EtagSource, etagOf } from './etag-of.js';
export { type SameEtagOptions, sameEtag } from './same-etag.js';
export {
  DEFAULT_UPDATE_ATTEMPTS,
  holdsChange,
  type UpdateResult,
  type UpdateWithRetryOptions,
  updateWithRetry,
} from './update-with-retry.js';
