import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { connect, type Server as NetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createTlsServer } from 'node:tls';
import { promisify } from 'node:util';
import { HeadObjectCommand, ListBucketsCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isApiError } from '../../src/errors/index.js';
import { createS3Client, endpointFromEnv, withS3Retry } from '../../src/s3/index.js';
import { type LocalS3, localS3FromEnv } from '../../src/testing/local-s3.js';
import { type S3FaultProxy, startS3FaultProxy } from '../../src/testing/s3-fault-proxy.js';
import { type S3Fixture, s3Fixture } from './s3-fixture.js';

describe('endpointFromEnv', () => {
  it('prefers AWS_ENDPOINT_URL_S3 over AWS_ENDPOINT_URL and treats empty as unset', () => {
    expect(endpointFromEnv({ AWS_ENDPOINT_URL_S3: 'http://s3', AWS_ENDPOINT_URL: 'http://all' })).toBe(
      'http://s3',
    );
    expect(endpointFromEnv({ AWS_ENDPOINT_URL_S3: '', AWS_ENDPOINT_URL: 'http://all' })).toBe('http://all');
    expect(endpointFromEnv({})).toBeUndefined();
  });
});

describe('createS3Client input checks', () => {
  it('refuses an endpoint that is not an http(s) URL, naming it', () => {
    expect(() => createS3Client({ endpoint: 'ftp://x' })).toThrow(/must use http or https, got "ftp:\/\/x"/);
    expect(() => createS3Client({ endpoint: 'rgw:7480' })).toThrow(/http/);
  });
  it('refuses a CA bundle without a certificate and an unknown checksum mode', () => {
    expect(() => createS3Client({ endpoint: 'https://x', caBundle: 'not pem' })).toThrow(
      /caBundle must be PEM/,
    );
    expect(() => createS3Client({ checksums: 'always' as 'when-required' })).toThrow(/checksums must be/);
  });
  it('defaults the signing region to us-east-1', async () => {
    expect(await createS3Client({ endpoint: 'http://127.0.0.1:1' }).config.region()).toBe('us-east-1');
  });
});

const lab = localS3FromEnv();

describe.skipIf(!lab)('createS3Client against Ceph RGW', () => {
  let s3: S3Fixture;
  let proxy: S3FaultProxy;
  let credentials: { accessKeyId: string; secretAccessKey: string };
  beforeAll(async () => {
    const l = lab as LocalS3;
    s3 = await s3Fixture(l);
    proxy = await startS3FaultProxy(l.endpoint);
    credentials = { accessKeyId: l.accessKeyId, secretAccessKey: l.secretAccessKey };
  });
  afterAll(async () => {
    await proxy?.close();
    await s3?.cleanup();
  });

  it('takes the endpoint from AWS_ENDPOINT_URL_S3 and addresses buckets path-style', async () => {
    const client = createS3Client({
      credentials,
      env: { AWS_ENDPOINT_URL: 'http://127.0.0.1:1', AWS_ENDPOINT_URL_S3: proxy.url },
    });
    await client.send(new PutObjectCommand({ Bucket: s3.bucket, Key: 'env/path-style', Body: 'x' }));
    expect(proxy.requests.at(-1)?.path).toBe(`/${s3.bucket}/env/path-style`);
    expect((await s3.read('env/path-style')).toString()).toBe('x');
  });

  it('caches the credentials of a provider until they near expiry, then asks again', async () => {
    const counting = (lifetimeMs: number) => {
      const provider = async () => {
        provider.calls += 1;
        return { ...credentials, expiration: new Date(Date.now() + lifetimeMs) };
      };
      provider.calls = 0;
      return provider;
    };
    const longLived = counting(3_600_000);
    const shortLived = counting(1_000); // already inside the SDK's refresh window
    for (const provider of [longLived, shortLived]) {
      const client = createS3Client({ endpoint: proxy.url, credentials: provider });
      await client.send(new ListBucketsCommand({}));
      await client.send(new ListBucketsCommand({}));
      client.destroy();
    }
    expect(longLived.calls).toBe(1);
    expect(shortLived.calls).toBeGreaterThan(1);
  });

  it('sends no CRC checksum by default, and does with checksums: when-supported', async () => {
    const checksumHeaders = () =>
      Object.keys(proxy.requests.at(-1)?.headers ?? {}).filter(
        (h) =>
          h.startsWith('x-amz-checksum') || h === 'x-amz-sdk-checksum-algorithm' || h === 'x-amz-trailer',
      );
    await createS3Client({ endpoint: proxy.url, credentials }).send(
      new PutObjectCommand({ Bucket: s3.bucket, Key: 'crc/off', Body: 'abc' }),
    );
    expect(checksumHeaders()).toEqual([]);
    await createS3Client({ endpoint: proxy.url, credentials, checksums: 'when-supported' }).send(
      new PutObjectCommand({ Bucket: s3.bucket, Key: 'crc/on', Body: 'abc' }),
    );
    expect(checksumHeaders().length).toBeGreaterThan(0);
    expect((await s3.read('crc/on')).toString()).toBe('abc');
  });

  describe('TLS with a private CA', () => {
    let certDir: string;
    let caPem: string;
    let tlsFront: NetServer;
    let httpsUrl: string;
    beforeAll(async () => {
      certDir = await mkdtemp(join(tmpdir(), 'nimbus-s3-tls-'));
      const keyPath = join(certDir, 'key.pem');
      const certPath = join(certDir, 'cert.pem');
      await promisify(execFile)('openssl', [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        keyPath,
        '-out',
        certPath,
      ]);
      caPem = await readFile(certPath, 'utf8');
      const target = new URL((lab as LocalS3).endpoint);
      // Terminates TLS and passes the bytes to RGW untouched, as a TLS load balancer would.
      tlsFront = createTlsServer({ key: await readFile(keyPath), cert: caPem }, (socket) => {
        const upstream = connect(Number(target.port), target.hostname);
        socket.pipe(upstream).pipe(socket);
        socket.on('error', () => upstream.destroy());
        upstream.on('error', () => socket.destroy());
      });
      await new Promise<void>((resolve) => tlsFront.listen(0, '127.0.0.1', resolve));
      httpsUrl = `https://127.0.0.1:${(tlsFront.address() as { port: number }).port}`;
    }, 60_000);
    afterAll(async () => {
      await new Promise((resolve) => tlsFront?.close(resolve));
      if (certDir) await rm(certDir, { recursive: true, force: true });
    });

    it('trusts the server only when its CA is given', async () => {
      const trusted = createS3Client({ endpoint: httpsUrl, credentials, caBundle: caPem });
      const answer = await trusted.send(new ListBucketsCommand({}));
      expect(answer.Buckets?.map((b) => b.Name)).toContain(s3.bucket);
      trusted.destroy();
      const untrusted = createS3Client({ endpoint: httpsUrl, credentials });
      const error = await untrusted.send(new ListBucketsCommand({})).catch((e: unknown) => e);
      expect(String((error as Error).message)).toMatch(/self[- ]signed|certificate/i);
      expect(isApiError(error)).toBe(false);
      untrusted.destroy();
    });
  });
});

describe.skipIf(!lab)('withS3Retry against Ceph RGW', () => {
  it('retries a provider-made call answered 503 and maps a 404 to a nimbus NotFound error', async () => {
    const l = lab as LocalS3;
    const s3 = await s3Fixture(l);
    const proxy = await startS3FaultProxy(l.endpoint);
    const client = s3.clientVia(proxy.url);
    try {
      await client.send(new PutObjectCommand({ Bucket: s3.bucket, Key: 'r', Body: 'hello' }));
      proxy.failWith(503, (r) => r.method === 'HEAD');
      const head = await withS3Retry(
        'HeadObject',
        (abortSignal) => client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: 'r' }), { abortSignal }),
        { retry: { baseDelayMs: 1 } },
      );
      expect(head.ContentLength).toBe(5);
      expect(proxy.count((r) => r.method === 'HEAD')).toBe(2);
      const missing = await withS3Retry('HeadObject', (abortSignal) =>
        client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: 'nope' }), { abortSignal }),
      ).catch((e: unknown) => e);
      expect(isApiError(missing) && missing.code).toBe('NOT_FOUND');
    } finally {
      client.destroy();
      await proxy.close();
      await s3.cleanup();
    }
  });
});
