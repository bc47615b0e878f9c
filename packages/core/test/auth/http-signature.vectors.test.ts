import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { loadVectors } from '../../../../test-support/vectors.js';
import {
  fingerprintMd5,
  loadPrivateKey,
  parseFingerprint,
  parseSignatureAuthorization,
  signHttpSignature,
} from '../../src/auth/index.js';

interface HttpSignatureVector {
  kind: 'request' | 'sign';
  name: string;
  privateKeyPem: string;
  publicKeyOpenSSH: string;
  fingerprintMd5: string;
  fingerprintSha256: string;
  keyId?: string;
  request?: { method: string; path: string; headers: Record<string, string>; body?: string };
  signedHeaders?: string[];
  headersParamPresent?: boolean;
  format?: 'modern' | 'legacy';
  signingString?: string;
  algorithm: string;
  signature: string;
  authorization?: string;
  data?: string;
}

const vectors = loadVectors<HttpSignatureVector>('http-signature.json');
const requireCjs = createRequire(import.meta.url);
const joyent = requireCjs('http-signature') as {
  parseRequest(
    request: unknown,
    options?: unknown,
  ): { keyId: string; algorithm: string; params: { signature: string } };
  verifySignature(parsed: unknown, publicKey: string): boolean;
};

describe('HTTP Signature vectors (http-signature.json)', () => {
  it('has all 10 entries', () => expect(vectors).toHaveLength(10));

  for (const vector of vectors) {
    it(`${vector.kind}: ${vector.name}`, async () => {
      expect(fingerprintMd5(vector.publicKeyOpenSSH)).toBe(vector.fingerprintMd5);
      expect(fingerprintMd5(vector.privateKeyPem)).toBe(vector.fingerprintMd5);
      expect(parseFingerprint(vector.fingerprintSha256).toString('hex')).not.toBe('');
      const signer = await loadPrivateKey({ privateKey: vector.privateKeyPem, algorithm: vector.algorithm });
      expect(signer.fingerprint).toBe(vector.fingerprintMd5);

      if (vector.kind === 'sign') {
        const signed = await signer.sign(Buffer.from(vector.data ?? '', 'utf8'));
        expect(signed).toEqual({ algorithm: vector.algorithm, signature: vector.signature });
        return;
      }
      const request = vector.request as NonNullable<HttpSignatureVector['request']>;
      const result = await signHttpSignature({
        keyId: vector.keyId ?? '',
        signer,
        method: request.method,
        target: request.path,
        headers: request.headers,
        signedHeaders: vector.signedHeaders ?? [],
        format: vector.format ?? 'modern',
        headersParam: vector.headersParamPresent,
      });
      expect(result.signingString).toBe(vector.signingString);
      expect(result.signature).toBe(vector.signature);
      expect(result.authorization).toBe(vector.authorization);

      const parsed = parseSignatureAuthorization(result.authorization);
      expect(parsed).toMatchObject({
        keyId: vector.keyId,
        algorithm: vector.algorithm,
        signature: vector.signature,
        format: vector.format,
      });
    });
  }

  it("our modern signatures verify with Joyent's http-signature package", async () => {
    for (const vector of vectors.filter((v) => v.kind === 'request' && v.format === 'modern')) {
      const request = vector.request as NonNullable<HttpSignatureVector['request']>;
      const signer = await loadPrivateKey({ privateKey: vector.privateKeyPem });
      const { authorization } = await signHttpSignature({
        keyId: vector.keyId ?? '',
        signer,
        method: request.method,
        target: request.path,
        headers: request.headers,
        signedHeaders: vector.signedHeaders ?? [],
        format: 'modern',
      });
      const headers = Object.fromEntries(
        Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), v]),
      );
      const parsed = joyent.parseRequest(
        {
          method: request.method,
          url: request.path,
          httpVersion: '1.1',
          headers: { ...headers, authorization },
        },
        { clockSkew: Number.MAX_VALUE, strict: false },
      );
      const publicPem = (await import('sshpk')).default
        .parseKey(vector.publicKeyOpenSSH, 'ssh')
        .toString('pem');
      expect(joyent.verifySignature(parsed, publicPem), vector.name).toBe(true);
    }
  });
});

describe('fingerprints', () => {
  const key = vectors[5] as HttpSignatureVector;
  it.each([
    key.fingerprintMd5,
    `MD5:${key.fingerprintMd5}`,
    key.fingerprintMd5.replaceAll(':', ''),
    key.fingerprintSha256,
    key.fingerprintSha256.replace('SHA256:', ''),
  ])('accepts %s', (form) => {
    const sshpk = requireCjs('sshpk') as typeof import('sshpk');
    expect(parseFingerprint(form).matches(sshpk.parseKey(key.publicKeyOpenSSH, 'ssh'))).toBe(true);
  });

  it.each(['!!!!', `${key.fingerprintMd5}aaaaa`, ''])(
    'rejects %j with a message naming the accepted forms',
    (bad) => {
      expect(() => parseFingerprint(bad)).toThrow(/MD5 colon hex/);
    },
  );
});
