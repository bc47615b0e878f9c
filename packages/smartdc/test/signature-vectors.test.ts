import { verify } from 'node:crypto';
import sshpk from 'sshpk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadVectors } from '../../../test-support/vectors.js';
import { type SmartdcEmulator, startSmartdcEmulator } from '../src/emulator/index.js';
import { rawRequest } from './support/raw-request.js';

interface RequestVector {
  kind: 'request';
  name: string;
  keyId: string;
  publicKeyOpenSSH: string;
  fingerprintMd5: string;
  request: { method: string; path: string; headers: Record<string, string>; body?: string };
  authorization: string;
  signature: string;
}
interface SignVector {
  kind: 'sign';
  name: string;
  data: string;
  algorithm: string;
  signature: string;
  publicKeyOpenSSH: string;
}

const vectors = loadVectors<RequestVector | SignVector>('http-signature.json');
const requests = vectors.filter((v): v is RequestVector => v.kind === 'request');
const signs = vectors.filter((v): v is SignVector => v.kind === 'sign');

/**
 * CloudAPI only accepts `/<login>/keys/<fp>` keyIds, and upstream vectors use `Test`. The keyId is
 * not part of the signing string, so naming the same key the CloudAPI way keeps the signature valid.
 */
function cloudApiAuthorization(vector: RequestVector): string {
  if (vector.keyId.startsWith('/')) return vector.authorization;
  return vector.authorization.replace(
    `keyId="${vector.keyId}"`,
    `keyId="/foo/keys/${vector.fingerprintMd5}"`,
  );
}

/** The body as the vector's Content-Length declares it (two upstream vectors deliberately say 17). */
function sentBody(vector: RequestVector): string {
  const body = vector.request.body ?? '';
  const declared = Number(vector.request.headers['Content-Length'] ?? body.length);
  return body.slice(0, declared);
}

describe('http-signature.json through the emulator', () => {
  let emulator: SmartdcEmulator;
  let now = new Date();

  beforeAll(async () => {
    // The vectors carry fixed 2012/2014 dates: the emulator clock is set to each one.
    emulator = await startSmartdcEmulator({ seed: { login: 'foo' }, clock: () => now });
    for (const key of new Set(requests.map((v) => v.publicKeyOpenSSH))) emulator.addKey(key);
  });
  afterAll(() => emulator?.close());

  it.each(requests.map((v) => [v.name, v] as const))('accepts %s', async (_name, vector) => {
    now = new Date(vector.request.headers.Date ?? '');
    const answer = await rawRequest(
      emulator.url,
      vector.request.method,
      vector.request.path,
      { ...vector.request.headers, Authorization: cloudApiAuthorization(vector) },
      sentBody(vector),
    );
    // Past authentication each request meets the route: POST /foo updates account foo, GET
    // /foo/machines lists, `/` has no route, and a body cut to a declared length of 17 is not JSON.
    const expected =
      vector.request.path === '/'
        ? { status: 404, code: 'ResourceNotFound' }
        : sentBody(vector) !== (vector.request.body ?? '')
          ? { status: 400, code: 'InvalidContent' }
          : { status: 200, code: undefined };
    expect({ status: answer.status, code: (answer.body as { code?: string } | undefined)?.code }).toEqual(
      expected,
    );
  });

  it.each(requests.map((v) => [v.name, v] as const))(
    'rejects %s with a tampered signature',
    async (_name, vector) => {
      now = new Date(vector.request.headers.Date ?? '');
      const flipped = vector.signature.startsWith('A')
        ? `B${vector.signature.slice(1)}`
        : `A${vector.signature.slice(1)}`;
      const answer = await rawRequest(
        emulator.url,
        vector.request.method,
        vector.request.path,
        {
          ...vector.request.headers,
          Authorization: cloudApiAuthorization(vector).replace(vector.signature, flipped),
        },
        sentBody(vector),
      );
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({
        code: 'InvalidCredentials',
        message: 'Invalid authorization credentials supplied',
      });
    },
  );

  it.each(requests.map((v) => [v.name, v] as const))(
    'rejects %s six minutes later',
    async (_name, vector) => {
      now = new Date(Date.parse(vector.request.headers.Date ?? '') + 6 * 60_000);
      const answer = await rawRequest(
        emulator.url,
        vector.request.method,
        vector.request.path,
        { ...vector.request.headers, Authorization: cloudApiAuthorization(vector) },
        sentBody(vector),
      );
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ code: 'InvalidHeader' });
    },
  );

  // The two "sign foobar" vectors are raw signatures, not requests: they are checked against the
  // PEM form the emulator stored for the registered OpenSSH key, which is what it verifies with.
  it.each(signs.map((v) => [v.name, v] as const))(
    'verifies %s with the key the emulator stores',
    (_name, vector) => {
      const stored = emulator.addKey(vector.publicKeyOpenSSH, {
        user: `u${vector.algorithm.replace(/\W/g, '')}`,
      });
      expect(stored.fingerprint).toBe(
        sshpk.parseKey(vector.publicKeyOpenSSH, 'ssh').fingerprint('md5').toString('hex'),
      );
      const hash = vector.algorithm.split('-')[1] ?? '';
      expect(
        verify(hash, Buffer.from(vector.data), stored.publicKeyPem, Buffer.from(vector.signature, 'base64')),
      ).toBe(true);
      expect(
        verify(
          hash,
          Buffer.from(`${vector.data}!`),
          stored.publicKeyPem,
          Buffer.from(vector.signature, 'base64'),
        ),
      ).toBe(false);
    },
  );
});
