import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isApiError } from '../../src/errors/index.js';
import { type TransferProgress, uploadFile } from '../../src/s3/index.js';
import { type LocalS3, localS3FromEnv } from '../../src/testing/local-s3.js';
import { expectedEtag, MIB, md5, PART, type S3Fixture, s3Fixture } from './s3-fixture.js';

const lab = localS3FromEnv();

describe.skipIf(!lab)('uploadFile against Ceph RGW', () => {
  let s3: S3Fixture;
  beforeAll(async () => {
    s3 = await s3Fixture(lab as LocalS3);
  });
  afterAll(() => s3?.cleanup());

  const sizes: [string, number][] = [
    ['empty', 0],
    ['one byte', 1],
    ['part size - 1', PART - 1],
    ['part size', PART],
    ['part size + 1', PART + 1],
    ['several parts', 3 * PART + 12_345],
  ];
  for (const [name, size] of sizes) {
    it(`uploads a file of ${name} (${size} bytes) whose bytes, ETag and metadata read back`, async () => {
      const bytes = randomBytes(size);
      const key = `sizes/${name.replaceAll(' ', '-')}`;
      const path = await s3.file(`${size}.bin`, bytes);
      const events: TransferProgress[] = [];
      const result = await uploadFile({
        client: s3.client,
        bucket: s3.bucket,
        key,
        path,
        partSize: PART,
        concurrency: 2,
        contentType: 'application/x-test',
        metadata: { purpose: 'sizes', origin: 'nimbus' },
        onProgress: (p) => events.push(p),
      });
      const etag = expectedEtag(bytes, PART);
      expect(result).toEqual({
        bucket: s3.bucket,
        key,
        etag,
        md5: md5(bytes),
        size,
        parts: size < PART ? 0 : Math.ceil(size / PART),
        resumedParts: 0,
      });
      expect((await s3.read(key)).equals(bytes)).toBe(true);
      const head = await s3.client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: key }));
      expect(head.ETag).toBe(`"${etag}"`);
      expect(head.ContentType).toBe('application/x-test');
      expect(head.Metadata).toEqual({ purpose: 'sizes', origin: 'nimbus' });
      const last = events.at(-1);
      expect(last?.bytesDone).toBe(size);
      expect(last?.partsDone).toBe(last?.partsTotal);
    });
  }

  for (const [name, size] of [
    ['a single PutObject', 1000],
    ['a multipart upload', 2 * PART + 3],
  ] as const) {
    it(`stores the whole-file MD5 as metadata for ${name}, keeping the ETag and other metadata`, async () => {
      const bytes = randomBytes(size);
      const key = `md5meta/${size}`;
      const result = await uploadFile({
        client: s3.client,
        bucket: s3.bucket,
        key,
        path: await s3.file(`md5meta-${size}.bin`, bytes),
        partSize: PART,
        contentType: 'application/vnd.cray.image.rootfs.squashfs',
        metadata: { origin: 'nimbus' },
        md5Metadata: 'md5sum',
      });
      const head = await s3.client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: key }));
      expect(head.Metadata).toEqual({ origin: 'nimbus', md5sum: md5(bytes) });
      expect(head.ETag).toBe(`"${expectedEtag(bytes, PART)}"`);
      expect(head.ContentType).toBe('application/vnd.cray.image.rootfs.squashfs');
      expect(result.md5).toBe(md5(bytes));
      expect((await s3.read(key)).equals(bytes)).toBe(true);
      expect(await s3.openUploads(key)).toEqual([]);
    });
  }

  it('reads each byte of the file from disk once (rchar of this process grows by the file size)', async () => {
    const size = 4 * PART + 777;
    const bytes = Buffer.alloc(size, 7);
    const path = await s3.file('read-once.bin', bytes);
    // A first small upload loads every lazily imported SDK module, so the measured run reads only data.
    await uploadFile({
      client: s3.client,
      bucket: s3.bucket,
      key: 'read-once/warm',
      path: await s3.file('warm.bin', Buffer.alloc(PART + 1)),
      partSize: PART,
    });
    const before = rchar();
    await uploadFile({
      client: s3.client,
      bucket: s3.bucket,
      key: 'read-once/big',
      path,
      partSize: PART,
      concurrency: 3,
    });
    const read = rchar() - before;
    expect(read).toBeGreaterThanOrEqual(size);
    // Socket reads of the server's small answers land in rchar too; a second pass would add `size`.
    expect(read).toBeLessThan(size + 2 * MIB);
  });

  it('refuses bad options with one clear error before touching the file or the server', async () => {
    const error = await uploadFile({
      client: s3.client,
      bucket: '',
      key: 'k',
      path: '/nonexistent/file',
      partSize: 1024,
      concurrency: 0,
    }).catch((e: unknown) => e);
    expect(isApiError(error) && error.code).toBe('VALIDATION');
    expect((error as Error).message).toMatch(/bucket must be a non-empty string.*partSize.*concurrency/);
  });
});

function rchar(): number {
  const io = readFileSync('/proc/self/io', 'utf8');
  return Number(/rchar:\s*(\d+)/.exec(io)?.[1]);
}
