import { createPrivateKey, sign as cryptoSign, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type sshpk from 'sshpk';
import { ConfigError, SigningError } from '../../errors/index.js';
import { parseFingerprint } from './fingerprint.js';
import type { KeySigner } from './key-signer.js';
import { type SignatureHash, signatureAlgorithmFor } from './signature-algorithm.js';
import { sshpkModule } from './sshpk-module.js';

/** Where a private key comes from. */
export interface PrivateKeySource {
  /** Key text: PEM (PKCS#1, PKCS#8, SEC1) or OpenSSH. */
  privateKey?: string | Buffer;
  /** Path of a key file. */
  keyFile?: string;
  /** Passphrase of an encrypted key. */
  passphrase?: string;
  /** The fingerprint (any form) the key must have; another key fails naming both. */
  fingerprint?: string;
  /**
   * Override the algorithm chosen from the key type, e.g. `rsa-sha1` for old servers
   * (case-insensitive; the key type part must match the key).
   */
  algorithm?: string;
}

/**
 * Parses a private key into a {@link KeySigner}. Encrypted keys without a passphrase, unreadable
 * files and ed25519 keys fail with a {@link SigningError} / {@link ConfigError} that names the file and
 * fingerprint, never key material.
 */
export async function loadPrivateKey(source: PrivateKeySource): Promise<KeySigner> {
  let text: string | Buffer;
  let origin: KeySigner['source'];
  if (source.privateKey !== undefined) {
    text = source.privateKey;
    origin = 'inline';
  } else if (source.keyFile !== undefined) {
    try {
      text = await readFile(source.keyFile);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? 'unreadable';
      throw new ConfigError(`Cannot read SSH key file ${source.keyFile} (${reason})`);
    }
    origin = 'file';
  } else {
    throw new ConfigError('loadPrivateKey needs privateKey or keyFile');
  }
  const key = parsePrivateKeyText(text, source.passphrase, source.keyFile);
  if (source.fingerprint !== undefined) {
    const wanted = parseFingerprint(source.fingerprint);
    if (!wanted.matches(key)) {
      const md5 = key.fingerprint('md5').toString('hex');
      throw new SigningError(
        `The private key ${source.keyFile ?? '(inline)'} has fingerprint ${md5}, not the configured ${wanted.toString()}`,
        { fingerprint: wanted.toString(), candidates: [md5], source: origin === 'file' ? 'file' : 'inline' },
      );
    }
  }
  return signerFromKey(key, origin, source.algorithm);
}

/** Parses key text with sshpk, mapping its errors to actionable ones. */
export function parsePrivateKeyText(
  text: string | Buffer,
  passphrase?: string,
  name = 'the private key',
): sshpk.PrivateKey {
  try {
    return sshpkModule().parsePrivateKey(text, 'auto', passphrase === undefined ? {} : { passphrase });
  } catch (error) {
    if (error instanceof Error && error.name === 'KeyEncryptedError') {
      throw new SigningError(`SSH key ${name} is encrypted and no passphrase was given`, {
        hint: 'pass `passphrase`, or load the key into ssh-agent (ssh-add) and use the agent',
      });
    }
    if (passphrase !== undefined && error instanceof Error && /decrypt|passphrase|bad/i.test(error.message)) {
      throw new SigningError(`Wrong passphrase for SSH key ${name}`);
    }
    throw new SigningError(`Cannot parse ${name} as a PEM or OpenSSH private key`);
  }
}

/** A {@link KeySigner} over an in-memory key, signing with node:crypto (DER for (EC)DSA). */
export function signerFromKey(
  key: sshpk.PrivateKey,
  source: KeySigner['source'],
  override?: string,
): KeySigner {
  const { algorithm, hash } =
    override === undefined ? signatureAlgorithmFor(key) : parseAlgorithm(override, key);
  const keyObject: KeyObject = createPrivateKey(key.toString('pkcs8'));
  return {
    fingerprint: key.fingerprint('md5').toString('hex'),
    keyType: key.type,
    source,
    sign: async (data) => ({ algorithm, signature: cryptoSign(hash, data, keyObject).toString('base64') }),
  };
}

const HASHES = new Set(['sha1', 'sha256', 'sha384', 'sha512']);

function parseAlgorithm(text: string, key: sshpk.PrivateKey): { algorithm: string; hash: SignatureHash } {
  const algorithm = text.toLowerCase();
  const [type, hash] = algorithm.split('-') as [string, string | undefined];
  if (type !== key.type || hash === undefined || !HASHES.has(hash)) {
    throw new ConfigError(
      `Algorithm ${text} does not fit this ${key.type} key; use ${key.type}-sha256 or similar`,
    );
  }
  return { algorithm, hash: hash as SignatureHash };
}
