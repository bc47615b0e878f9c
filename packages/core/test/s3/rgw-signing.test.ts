import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hmacV4 } from '../../src/auth/index.js';
import { isApiError } from '../../src/errors/index.js';
import { type LocalS3, localS3FromEnv } from '../../src/testing/local-s3.js';
import { createTransport } from '../../src/transport/create-transport.js';
import type { Transport } from '../../src/transport/types.js';

// hmacV4 in AWS mode against a real Ceph RGW: the server recomputes every signature, so this is
// the proof that the signer and the transport agree with a real S3 implementation.
const s3 = localS3FromEnv();

describe.skipIf(!s3)('hmacV4 + transport against Ceph RGW', () => {
  const bucket = `nimbus-core-${randomBytes(4).toString('hex')}`;
  let lab: LocalS3;
  let transport: Transport;

  // Built in beforeAll: a skipped describe still runs its body to collect tests, with no server.
  beforeAll(() => {
    lab = s3 as LocalS3;
    const auth = hmacV4({
      accessKeyId: lab.accessKeyId,
      secretAccessKey: lab.secretAccessKey,
      region: lab.region,
      service: 's3',
      pathMode: 's3',
      contentSha256Header: true,
    });
    transport = createTransport({ baseUrl: lab.endpoint, auth, retry: false });
  });

  afterAll(async () => {
    for (const key of ['plain.txt', 'odd name+(1).txt']) {
      await transport
        .send({ method: 'DELETE', path: `/${bucket}/${encodeURIComponent(key)}` })
        .catch(() => {});
    }
    await transport.send({ method: 'DELETE', path: `/${bucket}` }).catch(() => {});
  });

  it('creates a bucket, writes and reads objects whose keys need encoding, and lists with a query', async () => {
    await transport.send({ method: 'PUT', path: `/${bucket}`, responseType: 'none' });
    const body = 'hello from nimbus ✓';
    for (const key of ['plain.txt', 'odd name+(1).txt']) {
      const put = await transport.send({
        method: 'PUT',
        path: `/${bucket}/${encodeURIComponent(key)}`,
        body: { bytes: body, contentType: 'text/plain; charset=utf-8' },
        responseType: 'none',
      });
      expect(put.etag).toMatch(/^"[0-9a-f]{32}"$/);
      const got = await transport.send<string>({
        method: 'GET',
        path: `/${bucket}/${encodeURIComponent(key)}`,
        responseType: 'text',
      });
      expect(got.data).toBe(body);
    }
    const listing = await transport.send<string>({
      method: 'GET',
      path: `/${bucket}`,
      query: { 'list-type': 2, prefix: 'odd name', 'max-keys': 10 },
      responseType: 'text',
    });
    expect(listing.data).toContain('<Key>odd name+(1).txt</Key>');
    expect(listing.data).not.toContain('<Key>plain.txt</Key>');
  });

  it('is refused by the server when the secret is wrong, and the error carries no secret', async () => {
    const wrongSecret = `${lab.secretAccessKey.slice(0, -4)}beef`;
    const impostor = createTransport({
      baseUrl: lab.endpoint,
      auth: hmacV4({
        ...lab,
        service: 's3',
        secretAccessKey: wrongSecret,
        pathMode: 's3',
        contentSha256Header: true,
      }),
      retry: false,
    });
    const error = await impostor.send({ method: 'GET', path: '/' }).catch((e: unknown) => e);
    expect(isApiError(error) && error.status).toBe(403);
    expect(JSON.stringify(error)).toContain('SignatureDoesNotMatch');
    expect(JSON.stringify(error)).not.toContain(wrongSecret);
  });
});
