/** Signs HTTP Signature signing strings with one key, wherever the key lives (memory or ssh-agent). */
export interface KeySigner {
  /** MD5 colon-hex fingerprint of the key, for keyIds and diagnostics. */
  readonly fingerprint: string;
  /** sshpk key type: `rsa`, `ecdsa`, `dsa`. */
  readonly keyType: string;
  readonly source: 'file' | 'homedir' | 'agent' | 'inline';
  /** Signs `data`; the algorithm is reported by the signer (an agent may choose the hash). */
  sign(data: Buffer): Promise<{ algorithm: string; signature: string }>;
}
