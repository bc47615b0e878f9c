import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArtifactStore } from '../src/artifact-store.js';
import { rgw } from './emulator-fixture.js';
import { createTestBucket, type TestBucket } from './rgw-bucket.js';

const MIB = 1024 * 1024;

describe.skipIf(!rgw)('ArtifactStore metadata copy against RGW', () => {
  let bucket: TestBucket;
  let store: ArtifactStore;
  const options = () => {
    const lab = rgw as NonNullable<typeof rgw>;
    return { endpoint: lab.endpoint, accessKeyId: lab.accessKeyId, secretAccessKey: lab.secretAccessKey };
  };

  beforeAll(async () => {
    bucket = await createTestBucket(rgw as NonNullable<typeof rgw>, 'ims-store');
    store = new ArtifactStore(options());
  });
  afterAll(() => bucket.destroy());

  it('adds md5sum to a small object with one CopyObject, keeping its bytes, metadata and type', async () => {
    const body = randomBytes(1000);
    await bucket.put('img/kernel', body, { 'x-shasta-ims-image-id': 'img' });
    const head = await store.addMetadata(
      bucket.name,
      'img/kernel',
      { md5sum: 'abc' },
      'application/vnd.cray.image.kernel',
    );
    expect(head.metadata).toEqual({ 'x-shasta-ims-image-id': 'img', md5sum: 'abc' });
    expect((await bucket.get('img/kernel'))?.equals(body)).toBe(true);
  });

  it('copies in parts above the single-copy limit (S3 refuses one CopyObject over 5 GiB)', async () => {
    const small = new ArtifactStore(options(), { singleCopyBytes: 8 * MIB, partBytes: 5 * MIB });
    const body = randomBytes(12 * MIB + 3);
    await bucket.put('img/rootfs', body, { 'x-shasta-ims-image-name': 'big' });
    const head = await small.addMetadata(
      bucket.name,
      'img/rootfs',
      { md5sum: createHash('md5').update(body).digest('hex') },
      'application/vnd.cray.image.rootfs.squashfs',
    );
    expect(head.etag).toMatch(/-3$/);
    expect(head.metadata).toMatchObject({
      'x-shasta-ims-image-name': 'big',
      md5sum: createHash('md5').update(body).digest('hex'),
    });
    expect((await bucket.get('img/rootfs'))?.equals(body)).toBe(true);
    expect(await small.removePrefix(bucket.name, 'img/')).toEqual({ objects: 2, multipartUploads: 0 });
  });
});
