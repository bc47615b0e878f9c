export { basic } from './basic.js';
export { type BearerTokenSource, bearer } from './bearer.js';
export { type ClockSkewOptions, correctClockSkew } from './clock-skew.js';
export {
  DEFAULT_UNSIGNABLE_HEADERS,
  type HeaderInput,
  type HeaderValueMode,
} from './hmac-v4/canonical-headers.js';
export type { HmacV4PathMode } from './hmac-v4/canonical-path.js';
export type { HmacV4QueryMode } from './hmac-v4/canonical-query.js';
export { type HmacV4Options, hmacV4 } from './hmac-v4/hmac-v4-strategy.js';
export {
  EMPTY_SHA256,
  type HmacV4Credentials,
  type HmacV4Profile,
  type HmacV4Request,
  type HmacV4Signature,
  type HmacV4SigningInput,
  signHmacV4,
} from './hmac-v4/sign-hmac-v4.js';
export {
  formatSignatureAuthorization,
  type HttpSignatureParams,
  parseSignatureAuthorization,
} from './http-signature/authorization-header.js';
export { type FindSigningKeyOptions, findSigningKey } from './http-signature/find-signing-key.js';
export { fingerprintMd5, parseFingerprint } from './http-signature/fingerprint.js';
export {
  type HttpSignatureKeyId,
  type HttpSignatureOptions,
  httpSignature,
} from './http-signature/http-signature-strategy.js';
export type { KeySigner } from './http-signature/key-signer.js';
export { loadPrivateKey, type PrivateKeySource } from './http-signature/private-key.js';
export {
  type HttpSignatureInput,
  type HttpSignatureResult,
  signHttpSignature,
} from './http-signature/sign-http-signature.js';
export { signatureAlgorithmFor } from './http-signature/signature-algorithm.js';
export { buildSigningString, type HttpSignatureFormat } from './http-signature/signing-string.js';
export {
  type AgentIdentity,
  type AgentSignature,
  createSshAgentClient,
  type SshAgentClient,
} from './http-signature/ssh-agent-client.js';
export {
  type OAuth2ClientCredentialsOptions,
  oauth2ClientCredentials,
} from './oauth2/oauth2-client-credentials.js';
export type { FetchLike } from './oauth2/post-form.js';
export {
  type AuthContext,
  type AuthRejection,
  type AuthStrategy,
  noAuth,
  type SignableRequest,
  type UnauthorizedContext,
} from './types.js';
