import type sshpk from 'sshpk';
import { SigningError } from '../../errors/index.js';

/** Hash names HTTP Signature algorithms use. */
export type SignatureHash = 'sha1' | 'sha256' | 'sha384' | 'sha512';

/**
 * The HTTP Signature `algorithm` for a key: `rsa-sha256`, `ecdsa-sha256/384/512` by curve, `dsa-sha1`
 * (`dsa-sha256` above 1024 bits). ed25519 is refused: CloudAPI cannot verify it.
 */
export function signatureAlgorithmFor(key: sshpk.Key | sshpk.PrivateKey): {
  algorithm: string;
  hash: SignatureHash;
} {
  switch (key.type) {
    case 'rsa':
      return { algorithm: 'rsa-sha256', hash: 'sha256' };
    case 'dsa': {
      const hash = key.size > 1024 ? 'sha256' : 'sha1';
      return { algorithm: `dsa-${hash}`, hash };
    }
    case 'ecdsa': {
      const hash = ({ nistp256: 'sha256', nistp384: 'sha384', nistp521: 'sha512' } as const)[
        key.curve as 'nistp256' | 'nistp384' | 'nistp521'
      ];
      if (!hash)
        throw new SigningError(`Unsupported ECDSA curve ${key.curve}`, { keyType: `ecdsa-${key.curve}` });
      return { algorithm: `ecdsa-${hash}`, hash };
    }
    default:
      throw new SigningError(`${key.type} keys cannot sign CloudAPI requests; use an RSA or ECDSA key`, {
        keyType: key.type,
        fingerprint: key.fingerprint('md5').toString('hex'),
        hint: 'CloudAPI accepts rsa, dsa and ecdsa signatures only (no ed25519)',
      });
  }
}
