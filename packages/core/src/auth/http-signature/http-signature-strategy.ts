import { ValidationError } from '../../errors/index.js';
import type { AuthContext, AuthStrategy, SignableRequest } from '../types.js';
import { findSigningKey } from './find-signing-key.js';
import { parseFingerprint } from './fingerprint.js';
import type { KeySigner } from './key-signer.js';
import { loadPrivateKey } from './private-key.js';
import { signHttpSignature } from './sign-http-signature.js';
import type { HttpSignatureFormat } from './signing-string.js';

/**
 * The keyId of the signature: fixed text, or built from the key that signs, so a key configured by
 * any fingerprint form (SHA256 included) is read once and named on the wire as the service wants
 * (CloudAPI: `/<login>/keys/<md5>`).
 */
export type HttpSignatureKeyId = string | ((key: { fingerprint: string; keyType: string }) => string);

/** Options of {@link httpSignature}. Exactly one key source. */
export interface HttpSignatureOptions {
  /** Fixed (`/<login>/keys/<md5>`), or a function of the signing key's MD5 colon-hex fingerprint. */
  keyId: HttpSignatureKeyId;
  /** Key text (PEM or OpenSSH). */
  privateKey?: string | Buffer;
  /** Key file path. */
  keyFile?: string;
  /**
   * For `privateKey` / `keyFile`: the fingerprint (any form) the key must have; a different key
   * fails with a SigningError naming both, instead of as an opaque 401.
   */
  fingerprint?: string;
  passphrase?: string;
  /** Sign through a running ssh-agent with the key of this fingerprint. */
  agent?: { socketPath?: string; fingerprint: string };
  /** Search `~/.ssh` (or `sshDir`), then the agent, for this fingerprint. */
  findKey?: { fingerprint: string; sshDir?: string };
  /** Headers to sign, in order. Default `(request-target) date` (modern) or `date` (legacy). */
  headers?: readonly string[];
  /** Default `modern`. */
  format?: HttpSignatureFormat;
}

/**
 * Joyent HTTP Signature auth (CloudAPI): sets a fresh `Date` on every attempt from the context clock
 * and signs it with an RSA/ECDSA/DSA key from memory, a file, `~/.ssh` or the ssh-agent.
 *
 * @example
 * httpSignature({ keyId: (key) => `/me/keys/${key.fingerprint}`, findKey: { fingerprint: 'SHA256:…' } })
 */
export function httpSignature(options: HttpSignatureOptions): AuthStrategy {
  const format = options.format ?? 'modern';
  const headers = [
    ...(options.headers ?? (format === 'legacy' ? ['date'] : ['(request-target)', 'date'])),
  ].map((h) => h.toLowerCase());
  assertOptions(options, headers);
  let signer: Promise<KeySigner> | undefined;
  const loadSigner = (): Promise<KeySigner> => {
    if (!signer) {
      signer = resolveSigner(options);
      // A failed load (wrong path, agent down) is retried on the next request rather than cached.
      signer.catch(() => {
        signer = undefined;
      });
    }
    return signer;
  };
  const keyText = options.agent?.fingerprint ?? options.findKey?.fingerprint ?? options.fingerprint ?? 'key';
  const source = options.agent
    ? 'ssh-agent'
    : options.keyFile
      ? options.keyFile
      : options.findKey
        ? 'key search'
        : 'inline key';

  return {
    kind: 'http-signature',
    async authorize(request: SignableRequest, context: AuthContext): Promise<void> {
      const signer = await loadSigner();
      if (headers.includes('date')) request.headers.set('date', context.now().toUTCString());
      if (headers.includes('host') && !request.headers.has('host'))
        request.headers.set('host', request.url.host);
      const signed = await signHttpSignature({
        keyId: typeof options.keyId === 'function' ? options.keyId(signer) : options.keyId,
        signer,
        method: request.method,
        target: `${request.url.pathname}${request.url.search}`,
        headers: request.headers,
        signedHeaders: headers,
        format,
        headersParam: format === 'modern' || options.headers !== undefined,
      });
      request.headers.set('authorization', signed.authorization);
    },
    describe: () =>
      `http-signature ${typeof options.keyId === 'string' ? options.keyId : keyText} (${source})`,
    secrets: () => (options.passphrase ? [options.passphrase] : []),
  };
}

async function resolveSigner(options: HttpSignatureOptions): Promise<KeySigner> {
  if (options.privateKey !== undefined || options.keyFile !== undefined) {
    return loadPrivateKey({
      privateKey: options.privateKey,
      keyFile: options.keyFile,
      passphrase: options.passphrase,
      fingerprint: options.fingerprint,
    });
  }
  if (options.agent) {
    return findSigningKey({
      fingerprint: options.agent.fingerprint,
      sshDir: false,
      agent: { socketPath: options.agent.socketPath },
    });
  }
  const find = options.findKey as { fingerprint: string; sshDir?: string };
  return findSigningKey({
    fingerprint: find.fingerprint,
    sshDir: find.sshDir,
    passphrase: options.passphrase,
  });
}

function assertOptions(options: HttpSignatureOptions, headers: string[]): void {
  const sources = [options.privateKey, options.keyFile, options.agent, options.findKey].filter(
    (s) => s !== undefined,
  );
  const problems: string[] = [];
  if (typeof options.keyId === 'function') {
    // Checked when the key is known.
  } else if (typeof options.keyId !== 'string' || options.keyId === '') problems.push('keyId is required');
  else if (/["\s]/.test(options.keyId)) problems.push('keyId must not contain quotes or whitespace');
  if (sources.length !== 1) problems.push('give exactly one of privateKey, keyFile, agent or findKey');
  if (!headers.includes('date') && !headers.includes('x-date'))
    problems.push('the signed headers must include date');
  if (options.agent) parseFingerprint(options.agent.fingerprint);
  if (options.findKey) parseFingerprint(options.findKey.fingerprint);
  if (options.fingerprint !== undefined) parseFingerprint(options.fingerprint);
  if (problems.length > 0) {
    throw new ValidationError(
      `Invalid httpSignature options: ${problems.join('; ')}`,
      problems.map((message) => ({ path: 'httpSignature', message })),
    );
  }
}
