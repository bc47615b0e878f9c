import type sshpk from 'sshpk';
import { ValidationError } from '../../errors/index.js';
import { sshpkModule } from './sshpk-module.js';

/**
 * Parses an SSH key fingerprint in any form people paste: MD5 colon hex (`aa:bb:…`), `MD5:aa:bb:…`,
 * bare MD5 hex, `SHA256:<base64>` or bare SHA-256 base64. Throws a {@link ValidationError} naming the
 * accepted forms otherwise.
 */
export function parseFingerprint(text: string): sshpk.Fingerprint {
  try {
    return sshpkModule().parseFingerprint(canonicalFingerprintText(text.trim()), { type: 'key' });
  } catch {
    throw new ValidationError(
      `Not an SSH key fingerprint: ${JSON.stringify(text)}. Use MD5 colon hex (aa:bb:…:ff), "MD5:aa:bb:…" or "SHA256:<base64>" as printed by ssh-keygen -l`,
      [{ path: 'fingerprint', message: 'expected MD5 hex or SHA256 base64 fingerprint' }],
    );
  }
}

// sshpk parses bare hex and bare base64 but then never matches a key, so give them their prefix.
function canonicalFingerprintText(text: string): string {
  if (/^[0-9a-f]{32}$/i.test(text)) return text.replace(/(..)(?!$)/g, '$1:');
  if (/^[A-Za-z0-9+/]{43}=?$/.test(text)) return `SHA256:${text.replace(/=$/, '')}`;
  return text;
}

/**
 * The MD5 colon-hex fingerprint of a key (what CloudAPI puts in keyIds), from an sshpk key or any
 * public/private key text sshpk reads (OpenSSH line, PEM).
 *
 * @example fingerprintMd5('ssh-rsa AAAAB3Nza… me@host') // 'fa:56:a1:6b:…:26:c6'
 */
export function fingerprintMd5(key: sshpk.Key | sshpk.PrivateKey | string | Buffer): string {
  const parsed = typeof key === 'string' || Buffer.isBuffer(key) ? sshpkModule().parseKey(key, 'auto') : key;
  return parsed.fingerprint('md5').toString('hex');
}

/** True when `fingerprint` (any accepted form) designates `key`. */
export function fingerprintMatches(
  fingerprint: sshpk.Fingerprint,
  key: sshpk.Key | sshpk.PrivateKey,
): boolean {
  return fingerprint.matches(key);
}
