import { randomBytes } from 'node:crypto';
import { access, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { downloadFile, IntegrityError, uploadFile } from '../../src/s3/index.js';
import { type LocalS3, localS3FromEnv } from '../../src/testing/local-s3.js';
import { type S3FaultProxy, startS3FaultProxy } from '../../src/testing/s3-fault-proxy.js';
import { md5, PART, type S3Fixture, s3Fixture } from './s3-fixture.js';

const lab = localS3FromEnv();
const isGet = (r: { method: string; path: string }) => r.method === 'GET' && r.path.includes('/dl/');

describe.skipIf(!lab)('downloadFile against Ceph RGW', () => {
  let s3: S3Fixture;
  let proxy: S3FaultProxy;
  let viaProxy: S3Client;
  let bytes: Buffer;
  let objectMd5: string;
  beforeAll(async () => {
    s3 = await s3Fixture(lab as LocalS3);
    proxy = await startS3FaultProxy((lab as LocalS3).endpoint);
    viaProxy = s3.clientVia(proxy.url);
    bytes = randomBytes(2 * PART + 333);
    const up = await uploadFile({
      client: s3.client,
      bucket: s3.bucket,
      key: 'dl/multi',
      path: await s3.file('src.bin', bytes),
      partSize: PART,
    });
    objectMd5 = up.md5;
  });
  afterEach(() => proxy.clear());
  afterAll(async () => {
    viaProxy?.destroy();
    await proxy?.close();
    await s3?.cleanup();
  });

  it('streams a multipart object to the destination, checked against the given MD5', async () => {
    const dest = join(s3.dir, 'whole.bin');
    const result = await downloadFile({
      client: viaProxy,
      bucket: s3.bucket,
      key: 'dl/multi',
      path: dest,
      md5: objectMd5,
    });
    expect(result).toMatchObject({ size: bytes.length, md5: md5(bytes), resumedFromByte: 0 });
    expect((await readFile(dest)).equals(bytes)).toBe(true);
    await expect(access(`${dest}.part`)).rejects.toThrow(/ENOENT/);
  });

  it('resumes from a partial .part with a Range request for the rest only', async () => {
    const dest = join(s3.dir, 'resumed.bin');
    const kept = PART + 17;
    await writeFile(`${dest}.part`, bytes.subarray(0, kept));
    const result = await downloadFile({
      client: viaProxy,
      bucket: s3.bucket,
      key: 'dl/multi',
      path: dest,
      md5: objectMd5,
    });
    expect(result.resumedFromByte).toBe(kept);
    expect(proxy.requests.filter(isGet).map((r) => r.headers.range)).toEqual([`bytes=${kept}-`]);
    expect((await readFile(dest)).equals(bytes)).toBe(true);
  });

  it('refuses a download whose MD5 differs, removes the .part and leaves no destination', async () => {
    const dest = join(s3.dir, 'wrong.bin');
    // A stale .part from some other content: the resumed bytes are hashed too, so this is caught.
    await writeFile(`${dest}.part`, randomBytes(1000));
    const error = await downloadFile({
      client: viaProxy,
      bucket: s3.bucket,
      key: 'dl/multi',
      path: dest,
      md5: objectMd5,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntegrityError);
    expect((error as Error).message).toContain('wrong MD5');
    await expect(access(dest)).rejects.toThrow(/ENOENT/);
    await expect(access(`${dest}.part`)).rejects.toThrow(/ENOENT/);
  });

  it('checks a single-part object against its ETag when no MD5 is given', async () => {
    const small = randomBytes(1234);
    await uploadFile({
      client: s3.client,
      bucket: s3.bucket,
      key: 'dl/small',
      path: await s3.file('small.bin', small),
    });
    const dest = join(s3.dir, 'small-copy.bin');
    await writeFile(`${dest}.part`, Buffer.alloc(100));
    const error = await downloadFile({
      client: viaProxy,
      bucket: s3.bucket,
      key: 'dl/small',
      path: dest,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntegrityError);
    const result = await downloadFile({ client: viaProxy, bucket: s3.bucket, key: 'dl/small', path: dest });
    expect(result.md5).toBe(md5(small));
  });

  it('retries a GET answered 503', async () => {
    const dest = join(s3.dir, 'retried.bin');
    proxy.failWith(503, isGet);
    const result = await downloadFile({
      client: viaProxy,
      bucket: s3.bucket,
      key: 'dl/multi',
      path: dest,
      retry: { baseDelayMs: 1 },
    });
    expect(result.md5).toBe(objectMd5);
    expect(proxy.count(isGet)).toBe(2);
  });

  it('continues from the last byte written when the answer is cut mid-stream', async () => {
    const dest = join(s3.dir, 'cut.bin');
    const cutAt = PART + 4096;
    proxy.cutAnswer(cutAt, isGet);
    const retried: string[] = [];
    const result = await downloadFile({
      client: viaProxy,
      bucket: s3.bucket,
      key: 'dl/multi',
      path: dest,
      md5: objectMd5,
      retry: { baseDelayMs: 1 },
      onRetry: (r) => retried.push(r.error.code),
    });
    expect(retried).toEqual(['NETWORK']);
    const ranges = proxy.requests.filter(isGet).map((r) => String(r.headers.range));
    expect(ranges[0]).toBe('bytes=0-');
    // The retry asks only for what is missing (at or after the cut; what reached the file is kept).
    const resumedAt = Number(/^bytes=(\d+)-$/.exec(ranges[1] ?? '')?.[1]);
    expect(resumedAt).toBeGreaterThan(0);
    expect(resumedAt).toBeLessThanOrEqual(cutAt);
    expect(result.md5).toBe(objectMd5);
    expect((await readFile(dest)).equals(bytes)).toBe(true);
  });

  it('starts over instead of continuing a .part left by another version of the object', async () => {
    const dest = join(s3.dir, 'stale.bin');
    await writeFile(`${dest}.part`, randomBytes(PART));
    await writeFile(
      `${dest}.part.json`,
      JSON.stringify({ etag: '0123456789abcdef0123456789abcdef-2', size: bytes.length }),
    );
    // No MD5 given and a multipart ETag: only the sidecar can tell the .part is stale.
    const result = await downloadFile({ client: viaProxy, bucket: s3.bucket, key: 'dl/multi', path: dest });
    expect(result.resumedFromByte).toBe(0);
    expect(proxy.requests.filter(isGet).map((r) => r.headers.range)).toEqual(['bytes=0-']);
    expect((await readFile(dest)).equals(bytes)).toBe(true);
    await expect(access(`${dest}.part.json`)).rejects.toThrow(/ENOENT/);
  });

  it('continues a .part whose sidecar names this object even without an MD5 to check', async () => {
    const dest = join(s3.dir, 'sidecar.bin');
    const first = await downloadFile({
      client: viaProxy,
      bucket: s3.bucket,
      key: 'dl/multi',
      path: join(s3.dir, 'probe.bin'),
    });
    await writeFile(`${dest}.part`, bytes.subarray(0, 1000));
    await writeFile(`${dest}.part.json`, JSON.stringify({ etag: first.etag, size: bytes.length }));
    proxy.clear();
    const result = await downloadFile({ client: viaProxy, bucket: s3.bucket, key: 'dl/multi', path: dest });
    expect(result.resumedFromByte).toBe(1000);
    expect((await readFile(dest)).equals(bytes)).toBe(true);
  });
});
