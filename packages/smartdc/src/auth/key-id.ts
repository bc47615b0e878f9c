import { parseFingerprint, ValidationError } from '@nimbus-sdk/core';

/**
 * The CloudAPI keyId for an account key, or a sub-user's key: `/<account>[/users/<user>]/keys/<md5>`.
 * The fingerprint is normalised to MD5 colon hex.
 *
 * @example cloudApiKeyId('jill', 'MD5:fa:56:…:c6') // '/jill/keys/fa:56:…:c6'
 */
export function cloudApiKeyId(account: string, fingerprint: string, user?: string): string {
  const fp = parseFingerprint(fingerprint);
  if (fp.algorithm !== 'md5') {
    throw new ValidationError(
      'cloudApiKeyId needs the MD5 fingerprint; a SHA256 one cannot be converted without the key (use fingerprintMd5(key))',
    );
  }
  return `/${account}${user ? `/users/${user}` : ''}/keys/${fp.toString('hex')}`;
}
