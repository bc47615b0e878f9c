export {
  DEFAULT_UNSIGNABLE_HEADERS,
  type HeaderInput,
  type HeaderValueMode,
} from './hmac-v4/canonical-headers.js';
export type { HmacV4PathMode } from './hmac-v4/canonical-path.js';
export type { HmacV4QueryMode } from './hmac-v4/canonical-query.js';
export { type HmacV4Options, hmacV4 } from './hmac-v4/hmac-v4-strategy.js';
export {
  DCI2_SIGNING,
  EMPTY_SHA256,
  type HmacV4Credentials,
  type HmacV4Profile,
  type HmacV4Request,
  type HmacV4Signature,
  type HmacV4SigningInput,
  signHmacV4,
} from './hmac-v4/sign-hmac-v4.js';
export { type AuthContext, type AuthStrategy, noAuth, type SignableRequest } from './types.js';
