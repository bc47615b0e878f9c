import { ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deletePrefix } from '../../src/s3/index.js';
import { type LocalS3, localS3FromEnv } from '../../src/testing/local-s3.js';
import { type S3Fixture, s3Fixture } from './s3-fixture.js';

const lab = localS3FromEnv();

describe.skipIf(!lab)('deletePrefix against Ceph RGW', () => {
  let s3: S3Fixture;
  beforeAll(async () => {
    s3 = await s3Fixture(lab as LocalS3);
  });
  afterAll(() => s3?.cleanup());

  it('deletes every key under the prefix in batches of 1000 and nothing else', async () => {
    const keys = [
      ...Array.from({ length: 1003 }, (_, i) => `img/${String(i).padStart(4, '0')}`),
      'img-other/keep',
      'keep',
    ];
    for (let i = 0; i < keys.length; i += 25) {
      await Promise.all(
        keys
          .slice(i, i + 25)
          .map((Key) => s3.client.send(new PutObjectCommand({ Bucket: s3.bucket, Key, Body: 'x' }))),
      );
    }
    const batches: number[] = [];
    const result = await deletePrefix({
      client: s3.client,
      bucket: s3.bucket,
      prefix: 'img/',
      onBatch: (n) => batches.push(n),
    });
    expect(result).toEqual({ deleted: 1003 });
    expect(batches).toEqual([1000, 1003]);
    const left = await s3.client.send(new ListObjectsV2Command({ Bucket: s3.bucket }));
    expect(left.Contents?.map((o) => o.Key).sort()).toEqual(['img-other/keep', 'keep']);
  }, 120_000);

  it('refuses an empty prefix unless all: true, deleting nothing', async () => {
    await expect(deletePrefix({ client: s3.client, bucket: s3.bucket, prefix: '' })).rejects.toThrow(
      /pass all: true/,
    );
    const left = await s3.client.send(new ListObjectsV2Command({ Bucket: s3.bucket }));
    expect(left.KeyCount).toBe(2);
    expect(await deletePrefix({ client: s3.client, bucket: s3.bucket, prefix: '', all: true })).toEqual({
      deleted: 2,
    });
  });
});
