/**
 * @nimbus-sdk/core/signing: the signing machinery under the auth strategies, for emulators,
 * verifiers, presigned URLs and tests: the pure V4 and HTTP Signature signers, their header
 * formats, private keys and the ssh-agent client. SDK users need only the strategies in the root.
 */
export {
  DEFAULT_UNSIGNABLE_HEADERS,
  type HeaderInput,
} from '../auth/hmac-v4/canonical-headers.js';
export {
  EMPTY_SHA256,
  type HmacV4Request,
  type HmacV4Signature,
  type HmacV4SigningInput,
  signHmacV4,
} from '../auth/hmac-v4/sign-hmac-v4.js';
export {
  formatSignatureAuthorization,
  type HttpSignatureParams,
  parseSignatureAuthorization,
} from '../auth/http-signature/authorization-header.js';
export type { KeySigner } from '../auth/http-signature/key-signer.js';
export { loadPrivateKey, type PrivateKeySource } from '../auth/http-signature/private-key.js';
export {
  type HttpSignatureInput,
  type HttpSignatureResult,
  signHttpSignature,
} from '../auth/http-signature/sign-http-signature.js';
export { signatureAlgorithmFor } from '../auth/http-signature/signature-algorithm.js';
export { buildSigningString } from '../auth/http-signature/signing-string.js';
export {
  type AgentIdentity,
  type AgentSignature,
  createSshAgentClient,
  type SshAgentClient,
} from '../auth/http-signature/ssh-agent-client.js';
export {
  isSecretHeader,
  isSecretKey,
  maskSecrets,
  REDACTED,
  redactHeaders,
  redactUrl,
  redactValue,
} from '../errors/redact.js';
