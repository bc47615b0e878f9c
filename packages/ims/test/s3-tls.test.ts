import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArtifactStore } from '../src/artifact-store.js';
import { rgw } from './emulator-fixture.js';
import { createTestBucket, type TestBucket } from './rgw-bucket.js';

// S3_SSL_VERIFY as the helper reads it, against an https S3 endpoint with a self-signed
// certificate (a TLS relay in front of the local RGW, forwarding bytes and the Host header).
describe.skipIf(!rgw)('S3 TLS verification settings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ims-s3-tls-'));
  let relay: Server;
  let endpoint: string;
  let cert: string;
  let bucket: TestBucket;
  const file = join(dir, 'kernel');
  writeFileSync(file, 'kernel bytes');

  beforeAll(async () => {
    const lab = rgw as NonNullable<typeof rgw>;
    bucket = await createTestBucket(lab, 'ims-tls');
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1'].concat([
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ]),
      { stdio: 'ignore' },
    );
    cert = readFileSync(join(dir, 'cert.pem'), 'utf8');
    const upstream = new URL(lab.endpoint);
    relay = createServer({ key: readFileSync(join(dir, 'key.pem')), cert }, (req, res) => {
      const forward = httpRequest(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: req.headers,
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forward.on('error', () => res.destroy());
      req.pipe(forward);
    });
    await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
    endpoint = `https://127.0.0.1:${(relay.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => relay.close(() => resolve()));
    await bucket.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const store = (sslVerify?: boolean | string) => {
    const lab = rgw as NonNullable<typeof rgw>;
    return new ArtifactStore({
      endpoint,
      accessKeyId: lab.accessKeyId,
      secretAccessKey: lab.secretAccessKey,
      ...(sslVerify === undefined ? {} : { sslVerify }),
    });
  };
  const upload = (s: ArtifactStore, key: string) =>
    s.upload({ bucket: bucket.name, key, path: file, contentType: 'text/plain', metadata: {} });

  it('refuses the self-signed certificate by default', async () => {
    await expect(upload(store(), 'default')).rejects.toThrow(/certificate/i);
  });

  it('trusts it with S3_SSL_VERIFY=false, as CSM job pods run', async () => {
    const result = await upload(store(false), 'unverified');
    expect(result.size).toBe(12);
    expect(String(await bucket.get('unverified'))).toBe('kernel bytes');
  });

  it('trusts it when S3_SSL_VERIFY names its CA bundle', async () => {
    expect((await upload(store(cert), 'verified')).size).toBe(12);
  });
});
