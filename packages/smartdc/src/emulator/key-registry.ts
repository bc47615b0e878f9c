import sshpk from 'sshpk';
import { cloudApiError, invalidArgument, missingParameter, notFound } from './errors.js';
import { requirePathSafeName } from './input-rules.js';
import type { KeyRecord } from './records.js';

/** A registered key plus the PEM form signatures are verified against. */
export interface StoredKey extends KeyRecord {
  publicKeyPem: string;
  /** ssh key type: `rsa`, `ecdsa`, `dsa`, `ed25519`. */
  type: string;
}

/** Parses an OpenSSH public key line (or PEM), or undefined when it is not a key. */
export function parsePublicKey(
  text: string,
): { fingerprint: string; pem: string; openssh: string; type: string } | undefined {
  try {
    const key = sshpk.parseKey(text.trim(), 'auto');
    return {
      fingerprint: key.fingerprint('md5').toString('hex'),
      pem: key.toString('pem'),
      openssh: key.toString('ssh'),
      type: key.type,
    };
  } catch {
    return undefined;
  }
}

/** The SSH keys of one principal (the account or one sub-user), addressed by name or MD5 fingerprint. */
export class KeyRegistry {
  readonly #keys = new Map<string, StoredKey>();

  /** CreateKey: 409 MissingParameter / InvalidArgument on bad or duplicate input, like CloudAPI. */
  add(publicKey: unknown, name?: unknown): StoredKey {
    if (typeof publicKey !== 'string' || publicKey.trim() === '')
      throw missingParameter('key is a required argument');
    const parsed = parsePublicKey(publicKey);
    if (!parsed) throw invalidArgument('key is invalid');
    if (name !== undefined && typeof name !== 'string') throw invalidArgument('name must be a string');
    const keyName = name !== undefined && name !== '' ? name : parsed.fingerprint;
    requirePathSafeName('key', keyName);
    if (this.#keys.has(parsed.fingerprint) || this.find(keyName)) {
      throw invalidArgument('key already exists or is invalid');
    }
    const comment = publicKey.trim().split(/\s+/).slice(2).join(' ');
    const stored: StoredKey = {
      name: keyName,
      fingerprint: parsed.fingerprint,
      key: comment ? `${parsed.openssh} ${comment}` : parsed.openssh,
      attested: false,
      publicKeyPem: parsed.pem,
      type: parsed.type,
    };
    this.#keys.set(parsed.fingerprint, stored);
    return stored;
  }

  /** Looks a key up by MD5 fingerprint or by name. */
  find(nameOrFingerprint: string): StoredKey | undefined {
    const byFingerprint = this.#keys.get(nameOrFingerprint.toLowerCase());
    if (byFingerprint) return byFingerprint;
    for (const key of this.#keys.values()) if (key.name === nameOrFingerprint) return key;
    return undefined;
  }

  get(nameOrFingerprint: string): StoredKey {
    const key = this.find(nameOrFingerprint);
    if (!key) throw notFound(`${nameOrFingerprint} does not exist`);
    return key;
  }

  delete(nameOrFingerprint: string): void {
    const key = this.get(nameOrFingerprint);
    this.#keys.delete(key.fingerprint);
  }

  list(): StoredKey[] {
    return [...this.#keys.values()];
  }

  get size(): number {
    return this.#keys.size;
  }
}

/** The public view of a stored key (no PEM, no internal type). */
export function publicKeyView(key: StoredKey): KeyRecord {
  return { name: key.name, fingerprint: key.fingerprint, key: key.key, attested: key.attested ?? false };
}

/** 403 for a disabled principal. */
export const accountDisabled = () => cloudApiError(403, 'NotAuthorized', 'AccountRecord or user is disabled');
