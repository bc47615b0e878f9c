import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeRfc3986 } from '../../src/auth/hmac-v4/percent-encoding.js';
import { verifyHmacV4 } from '../../src/testing/index.js';
import { picker, seededRandom } from '../auth/seeded-random.js';
import { startVerifierServer } from './emulator-request.js';

const SEED = 7_331;
const NOW = new Date('2026-03-01T10:00:00Z');
const credentials = { accessKeyId: 'AKIDSMITHY', secretAccessKey: 'smithy-secret-key-value' };
let server: { url: string; close(): Promise<void> };

beforeAll(async () => {
  server = await startVerifierServer(
    async (request) => {
      const result = await verifyHmacV4(request, {
        flavor: 'aws',
        region: 'us-east-1',
        service: 's3',
        lookupSecret: (key) => (key === credentials.accessKeyId ? credentials.secretAccessKey : undefined),
      });
      return {
        status: result.ok ? 200 : 403,
        body: result.ok ? { ok: true } : { kind: result.kind, message: result.message },
      };
    },
    () => NOW,
  );
});
afterAll(() => server.close());

describe('verifyHmacV4 (aws) accepts requests signed by @smithy/signature-v4 over real HTTP', () => {
  it(`40 seeded random S3-style requests (seed ${SEED}), and rejects each one tampered`, async () => {
    const { int, pick, text } = picker(seededRandom(SEED));
    const chars = [..."abcXYZ019-._~ !$'()*+,;=:@", 'é', 'ሴ'];
    const port = new URL(server.url).port;
    for (let n = 0; n < 40; n++) {
      // fetch's URL parser would drop "." and ".." segments that the signer saw, so never generate them.
      const segment = () => encodeRfc3986(text(chars, 1, 6)).replace(/^\.{1,2}$/, 'dots$&');
      const path = `/bucket/${Array.from({ length: 1 + int(3) }, segment).join('/')}`;
      const query: Record<string, string> = {};
      for (let q = int(3); q > 0; q--) query[text(['a', 'b', 'x', '-'], 1, 3)] = text(chars, 0, 4);
      const body = pick(['', 'hello', '{"a": "ünïcode"}']);
      const method = body ? pick(['PUT', 'POST']) : pick(['GET', 'DELETE']);
      const smithy = new SignatureV4({
        credentials,
        region: 'us-east-1',
        service: 's3',
        sha256: Sha256,
        uriEscapePath: false,
      });
      const signed = await smithy.sign(
        new HttpRequest({
          method,
          hostname: '127.0.0.1',
          port: Number(port),
          path,
          query,
          headers: { host: `127.0.0.1:${port}`, 'x-amz-meta-note': ' spaced   value ' },
          body,
        }),
        { signingDate: NOW },
      );
      const search = Object.entries(query)
        .map(([k, v]) => `${encodeRfc3986(k)}=${encodeRfc3986(v)}`)
        .join('&');
      const headers = { ...signed.headers } as Record<string, string>;
      delete headers.host;
      const url = `${server.url}${path}${search ? `?${search}` : ''}`;
      const response = await fetch(url, { method, headers, body: body || undefined });
      expect(await response.json(), JSON.stringify({ n, method, path, query })).toEqual({ ok: true });
      const tampered = await fetch(`${url}${search ? '&' : '?'}extra=1`, {
        method,
        headers,
        body: body || undefined,
      });
      expect((await tampered.json()) as { kind: string }).toMatchObject({ kind: 'invalid' });
    }
  });

  it('a body that does not match X-Amz-Content-Sha256 is invalid; an unknown key is unknown-key', async () => {
    const smithy = new SignatureV4({
      credentials,
      region: 'us-east-1',
      service: 's3',
      sha256: Sha256,
      uriEscapePath: false,
    });
    const port = new URL(server.url).port;
    const signed = await smithy.sign(
      new HttpRequest({
        method: 'PUT',
        hostname: '127.0.0.1',
        path: '/b/k',
        headers: { host: `127.0.0.1:${port}` },
        body: 'one',
      }),
      { signingDate: NOW },
    );
    const headers = { ...signed.headers } as Record<string, string>;
    delete headers.host;
    const swapped = await fetch(`${server.url}/b/k`, { method: 'PUT', headers, body: 'two' });
    expect(await swapped.json()).toMatchObject({
      kind: 'invalid',
      message: expect.stringContaining('X-Amz-Content-Sha256'),
    });
    const other = await new SignatureV4({
      credentials: { ...credentials, accessKeyId: 'NOPE' },
      region: 'us-east-1',
      service: 's3',
      sha256: Sha256,
    }).sign(
      new HttpRequest({
        method: 'GET',
        hostname: '127.0.0.1',
        path: '/b/k',
        headers: { host: `127.0.0.1:${port}` },
      }),
      { signingDate: NOW },
    );
    const otherHeaders = { ...other.headers } as Record<string, string>;
    delete otherHeaders.host;
    expect(await (await fetch(`${server.url}/b/k`, { headers: otherHeaders })).json()).toMatchObject({
      kind: 'unknown-key',
    });
  });
});
