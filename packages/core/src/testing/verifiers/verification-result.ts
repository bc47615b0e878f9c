/** Why a verifier rejected a request; each emulator maps kinds to its service's status and body. */
export type VerificationFailureKind =
  /** No credentials of this scheme were sent. */
  | 'missing'
  /** Credentials present but unparseable or incomplete. */
  | 'malformed'
  /** Signed too long ago or in the future (clock skew). */
  | 'expired'
  /** Well formed, but the signature or password does not match. */
  | 'invalid'
  /** The key, user or client named is not known. */
  | 'unknown-key'
  /** An algorithm outside the allowlist. */
  | 'unsupported-algorithm'
  /** A key id of a shape the service does not accept. */
  | 'bad-key-id';

/** A rejected request. `message` is for logs and error bodies; it never holds a secret. */
export interface VerificationFailure {
  ok: false;
  kind: VerificationFailureKind;
  message: string;
}
