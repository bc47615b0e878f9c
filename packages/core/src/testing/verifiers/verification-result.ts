/** Why a verifier rejected a request; each emulator maps kinds to its service's status and body. */
export type VerificationFailureKind = 'missing' | 'malformed' | 'expired' | 'invalid' | 'unknown-key';

/** A rejected request. `message` is for logs and error bodies; it never holds a secret. */
export interface VerificationFailure {
  ok: false;
  kind: VerificationFailureKind;
  message: string;
}
