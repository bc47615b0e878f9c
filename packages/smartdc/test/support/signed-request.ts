import { createSign, generateKeyPairSync } from 'node:crypto';
import sshpk from 'sshpk';
import { type RawAnswer, rawRequest } from './raw-request.js';

/** An RSA key for signing raw requests: register `publicKey` on the emulator, then call `send`. */
export interface RawSigner {
  /** OpenSSH public key line. */
  publicKey: string;
  /** Sends exactly this method and path (no URL normalisation), signed over `date`. */
  send(
    baseUrl: string,
    method: string,
    path: string,
    options?: { json?: unknown; body?: string; headers?: Record<string, string> },
  ): Promise<RawAnswer>;
}

/** A fresh in-memory key whose signatures the emulator verifies for account `login`. */
export function rawSigner(login = 'nimbus'): RawSigner {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const sshKey = sshpk.parseKey(publicKey.export({ type: 'spki', format: 'pem' }).toString(), 'pem');
  const keyId = `/${login}/keys/${sshKey.fingerprint('md5').toString('hex')}`;
  return {
    publicKey: sshKey.toString('ssh'),
    send(baseUrl, method, path, options = {}) {
      const date = new Date().toUTCString();
      const signature = createSign('sha256').update(`date: ${date}`).sign(privateKey, 'base64');
      const headers: Record<string, string> = {
        date,
        'accept-version': '~9',
        authorization: `Signature keyId="${keyId}",algorithm="rsa-sha256",headers="date",signature="${signature}"`,
        ...options.headers,
      };
      let body = options.body ?? '';
      if (options.json !== undefined) {
        body = JSON.stringify(options.json);
        headers['content-type'] ??= 'application/json';
      }
      if (body !== '') headers['content-length'] = String(Buffer.byteLength(body));
      return rawRequest(baseUrl, method, path, headers, body);
    },
  };
}
