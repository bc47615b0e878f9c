import type { IncomingHttpHeaders } from 'node:http';
import { describe, expect, it } from 'vitest';
import { loadVectors } from '../../../../test-support/vectors.js';
import { parseCloudApiKeyId, verifyHttpSignature } from '../../src/testing/index.js';
import type { EmulatorRequest } from '../../src/testing/types.js';

interface Vector {
  kind: string;
  name: string;
  publicKeyOpenSSH: string;
  keyId: string;
  request: { method: string; path: string; headers: Record<string, string> };
  authorization: string;
}

const vectors = loadVectors<Vector>('http-signature.json').filter((v) => v.kind === 'request');
const cloudApi = vectors.filter((v) => v.name.startsWith('cloudapi-'));
const VECTOR_DATE = new Date('Sun, 05 Jan 2014 21:31:40 GMT');

function request(vector: Vector, headers: Record<string, string | undefined> = {}): EmulatorRequest {
  const all: IncomingHttpHeaders = {};
  for (const [name, value] of Object.entries({
    ...vector.request.headers,
    Authorization: vector.authorization,
    ...headers,
  })) {
    if (value !== undefined) all[name.toLowerCase()] = value;
  }
  const url = new URL(vector.request.path, 'http://127.0.0.1');
  return {
    method: vector.request.method,
    url,
    rawPath: url.pathname,
    rawQuery: url.search.slice(1),
    query: url.searchParams,
    headers: all,
    body: Buffer.alloc(0),
    params: {},
    json: () => ({}) as never,
    now: () => VECTOR_DATE,
  };
}

const lookupKey = (vector: Vector) => () => vector.publicKeyOpenSSH;

describe('verifyHttpSignature', () => {
  it.each(cloudApi.map((v) => [v.name, v] as const))(
    'accepts the CloudAPI vector %s',
    async (_name, vector) => {
      const result = await verifyHttpSignature(request(vector), { lookupKey: lookupKey(vector) });
      expect(result).toMatchObject({
        ok: true,
        keyId: { login: 'foo', key: 'fa:56:a1:6b:cc:04:97:fe:e2:98:54:c4:2e:0d:26:c6' },
      });
    },
  );

  it('verifies the upstream vectors whose keyId is not CloudAPI-shaped only up to the keyId check', async () => {
    for (const vector of vectors.filter((v) => v.keyId === 'Test')) {
      const result = await verifyHttpSignature(request(vector), {
        lookupKey: lookupKey(vector),
        maxSkewMs: Number.MAX_SAFE_INTEGER,
      });
      expect(result, vector.name).toMatchObject({
        ok: false,
        kind: 'bad-key-id',
        message: 'Invalid KeyId Test in authorization header',
      });
    }
  });

  const vector = cloudApi[0] as Vector;

  it('no Authorization is missing; a Basic one is missing too (CloudAPI answers 401 for both)', async () => {
    expect(
      await verifyHttpSignature(request(vector, { Authorization: undefined }), {
        lookupKey: lookupKey(vector),
      }),
    ).toMatchObject({ kind: 'missing' });
    expect(
      await verifyHttpSignature(request(vector, { Authorization: 'Basic Zm9vOmJhcg==' }), {
        lookupKey: lookupKey(vector),
      }),
    ).toMatchObject({ kind: 'missing' });
  });

  it('an unquoted keyId (the docs example) is malformed', async () => {
    const auth = vector.authorization.replace(/keyId="([^"]+)"/, 'keyId=$1');
    expect(
      await verifyHttpSignature(request(vector, { Authorization: auth }), { lookupKey: lookupKey(vector) }),
    ).toMatchObject({ kind: 'malformed' });
  });

  it('a signed header that was not sent is malformed', async () => {
    expect(
      await verifyHttpSignature(request(vector, { Date: undefined }), { lookupKey: lookupKey(vector) }),
    ).toMatchObject({ kind: 'malformed' });
  });

  it('clock skew beyond 300 s is expired; exactly 300 s is accepted', async () => {
    const at = (ms: number) => ({ lookupKey: lookupKey(vector), now: new Date(VECTOR_DATE.getTime() + ms) });
    expect(await verifyHttpSignature(request(vector), at(300_001))).toMatchObject({ kind: 'expired' });
    expect(await verifyHttpSignature(request(vector), at(-300_000))).toMatchObject({ ok: true });
  });

  it('an algorithm outside the allowlist is unsupported-algorithm with CloudAPI wording', async () => {
    const auth = vector.authorization.replace('rsa-sha256', 'hmac-sha256');
    expect(
      await verifyHttpSignature(request(vector, { Authorization: auth }), { lookupKey: lookupKey(vector) }),
    ).toMatchObject({
      kind: 'unsupported-algorithm',
      message: 'HMAC-SHA256 is not a supported signing algorithm',
    });
  });

  it('a tampered path, unknown key and mismatched algorithm are rejected', async () => {
    const tampered = { ...vector, request: { ...vector.request, path: '/foo/machines?x=1' } };
    expect(await verifyHttpSignature(request(tampered), { lookupKey: lookupKey(vector) })).toMatchObject({
      kind: 'invalid',
    });
    expect(await verifyHttpSignature(request(vector), { lookupKey: () => undefined })).toMatchObject({
      kind: 'unknown-key',
    });
    const asEcdsa = vector.authorization.replace('rsa-sha256', 'ecdsa-sha256');
    expect(
      await verifyHttpSignature(request(vector, { Authorization: asEcdsa }), {
        lookupKey: lookupKey(vector),
      }),
    ).toMatchObject({ kind: 'invalid' });
  });

  it('parses both keyId shapes and nothing else', () => {
    expect(parseCloudApiKeyId('/acme/keys/aa:bb')).toEqual({
      keyId: '/acme/keys/aa:bb',
      login: 'acme',
      key: 'aa:bb',
    });
    expect(parseCloudApiKeyId('/acme/users/bob/keys/k1')).toEqual({
      keyId: '/acme/users/bob/keys/k1',
      login: 'acme',
      user: 'bob',
      key: 'k1',
    });
    for (const bad of [
      'acme/keys/k',
      '/acme/bob/keys/k',
      '/acme/keys/',
      '/acme//keys/k',
      '/acme/keys/k/extra',
    ]) {
      expect(parseCloudApiKeyId(bad), bad).toBeUndefined();
    }
  });
});
