export {
  type OAuth2Client,
  type OAuth2Grant,
  type OAuth2TokenIssuer,
  type OAuth2TokenIssuerOptions,
  oauth2TokenIssuer,
} from './oauth2-token-issuer.js';
export {
  type HmacV4Flavor,
  type HmacV4ParseResult,
  type ParsedHmacV4Authorization,
  parseHmacV4Authorization,
} from './parse-hmac-v4-authorization.js';
export type { VerificationFailure, VerificationFailureKind } from './verification-result.js';
export { type BasicVerification, type VerifyBasicOptions, verifyBasic } from './verify-basic.js';
export {
  type BearerTokenCheck,
  type BearerVerification,
  type VerifyBearerOptions,
  verifyBearer,
} from './verify-bearer.js';
export { type HmacV4Verification, type VerifyHmacV4Options, verifyHmacV4 } from './verify-hmac-v4.js';
export {
  CLOUDAPI_SIGNATURE_ALGORITHMS,
  type CloudApiKeyId,
  type HttpSignatureVerification,
  parseCloudApiKeyId,
  type VerifyHttpSignatureOptions,
  verifyHttpSignature,
} from './verify-http-signature.js';
