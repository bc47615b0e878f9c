import { createHash } from 'node:crypto';
import { ConflictError, isApiError } from '@nimbus-sdk/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ImsEmulator } from '../src/emulator/index.js';
import { IMAGE_ARTIFACTS, type ImsClient } from '../src/index.js';
import { clientFor, rgw, startEmulator } from './emulator-fixture.js';
import { createTestBucket, type TestBucket } from './rgw-bucket.js';

// The emulated IMS validating links against the real local RGW, as the real IMS does against Ceph.
describe.skipIf(!rgw)('links validated against a real S3 (RGW)', () => {
  let ims: ImsEmulator;
  let client: ImsClient;
  let bucket: TestBucket;

  beforeAll(async () => {
    ims = await startEmulator();
    client = clientFor(ims);
    bucket = await createTestBucket(rgw as NonNullable<typeof rgw>);
  });
  beforeEach(() => ims.reset());
  afterAll(async () => {
    await ims.close();
    await bucket.destroy();
  });

  const md5 = (text: string) => createHash('md5').update(text).digest('hex');

  /** Uploads artifacts and a manifest for `imageId`; answers the manifest link. */
  async function stage(
    imageId: string,
    options: { version?: string; rootfsCount?: number; skip?: string } = {},
  ) {
    const artifacts = [];
    const kinds = [
      ...Array.from({ length: options.rootfsCount ?? 1 }, (_, i) => ['rootfs', `rootfs${i || ''}`] as const),
      ['kernel', 'kernel'] as const,
      ['initrd', 'initrd'] as const,
    ];
    for (const [kind, suffix] of kinds) {
      const body = `${kind} of ${imageId}`;
      const key = `${imageId}/${suffix}`;
      const etag = options.skip === suffix ? md5(body) : await bucket.put(key, body, { md5sum: md5(body) });
      artifacts.push({
        type: IMAGE_ARTIFACTS[kind].type,
        md5: md5(body),
        link: { path: `s3://${bucket.name}/${key}`, etag, type: 's3' },
      });
    }
    const manifest = JSON.stringify({
      version: options.version ?? '1.0',
      created: '2026-01-01 00:00:00',
      artifacts,
    });
    const etag = await bucket.put(`${imageId}/manifest.json`, manifest);
    return { path: `s3://${bucket.name}/${imageId}/manifest.json`, etag, type: 's3' as const };
  }

  it('accepts a first link whose manifest and artifacts exist; the same link again is a no-op, another one a 409', async () => {
    const image = await client.images.create({ name: 'linked' });
    const link = await stage(image.id);
    expect((await client.images.setLink(image.id, link)).link).toEqual(link);
    expect((await client.images.setLink(image.id, link)).link).toEqual(link);
    const other = { ...link, etag: 'different' };
    await expect(client.images.setLink(image.id, other)).rejects.toBeInstanceOf(ConflictError);
  });

  it('refuses a second image with the same link path (422)', async () => {
    const first = await client.images.create({ name: 'a' });
    const link = await stage(first.id);
    await client.images.setLink(first.id, link);
    const second = await client.images.create({ name: 'b' });
    await expect(client.images.setLink(second.id, link)).rejects.toMatchObject({ status: 422 });
  });

  it('refuses manifest version 2.0 (422), a missing artifact (422) and two rootfs (400)', async () => {
    for (const [options, status] of [
      [{ version: '2.0' }, 422],
      [{ skip: 'initrd' }, 422],
      [{ rootfsCount: 2 }, 400],
    ] as const) {
      const image = await client.images.create({ name: 'bad' });
      const error = await client.images
        .setLink(image.id, await stage(image.id, options))
        .catch((e: unknown) => e);
      expect(isApiError(error) && error.status).toBe(status);
      expect((await client.images.get(image.id)).link).toBeNull();
    }
  });

  it('validates a link given on create too', async () => {
    const link = await stage('precreated');
    const image = await client.images.create({ name: 'with-link', link });
    expect(image.link).toEqual(link);
    await expect(client.images.create({ name: 'dup', link })).rejects.toMatchObject({ status: 422 });
  });

  it('cascades a v2 delete to the manifest and every artifact in S3; cascade=false keeps them', async () => {
    const kept = await client.images.create({ name: 'kept' });
    await client.images.setLink(kept.id, await stage(kept.id));
    await client.images.delete(kept.id, { cascade: false });
    expect(await bucket.keys(`${kept.id}/`)).toHaveLength(4);

    const gone = await client.images.create({ name: 'gone' });
    await client.images.setLink(gone.id, await stage(gone.id));
    await client.images.delete(gone.id);
    expect(await bucket.keys(`${gone.id}/`)).toEqual([]);
  });

  it('moves objects under deleted/ on a v3 delete, back on undelete, and removes them on purge', async () => {
    const image = await client.images.create({ name: 'soft' });
    const link = await stage(image.id);
    await client.images.setLink(image.id, link);
    await client.v3.images.delete(image.id);
    expect(await bucket.keys(`${image.id}/`)).toEqual([]);
    expect(await bucket.keys(`deleted/${image.id}/`)).toEqual(
      ['deleted_manifest.json', 'initrd', 'kernel', 'manifest.json', 'rootfs'].map(
        (k) => `deleted/${image.id}/${k}`,
      ),
    );
    const deleted = await client.v3.deletedImages.get(image.id);
    expect(deleted.link?.path).toBe(`s3://${bucket.name}/deleted/${image.id}/deleted_manifest.json`);
    const deletedManifest = JSON.parse(
      String(await bucket.get(`deleted/${image.id}/deleted_manifest.json`)),
    ) as {
      artifacts: { type: string }[];
    };
    expect(deletedManifest.artifacts.map((a) => a.type)).toContain('application/vnd.cray.image.manifest');

    await client.v3.deletedImages.undelete(image.id);
    expect((await client.images.get(image.id)).link).toEqual(link);
    expect(await bucket.keys(`${image.id}/`)).toHaveLength(4);
    expect(await bucket.keys(`deleted/${image.id}/`)).toEqual([]);

    await client.v3.images.delete(image.id);
    await client.v3.deletedImages.purge(image.id);
    expect(await bucket.keys(`deleted/${image.id}/`)).toEqual([]);
    expect(await bucket.keys(`${image.id}/`)).toEqual([]);
  });

  it('checks a recipe link with a HEAD of the archive', async () => {
    const key = 'recipes/r1/recipe.tar.gz';
    const etag = await bucket.put(key, 'tarball');
    const link = { path: `s3://${bucket.name}/${key}`, etag, type: 's3' as const };
    const recipe = await client.recipes.create({
      name: 'r',
      recipe_type: 'kiwi-ng',
      linux_distribution: 'sles15',
    });
    await expect(
      client.recipes.update(recipe.id, { link: { ...link, path: `s3://${bucket.name}/missing.tgz` } }),
    ).rejects.toMatchObject({ status: 422 });
    expect((await client.recipes.update(recipe.id, { link })).link).toEqual(link);
    await client.recipes.delete(recipe.id);
    expect(await bucket.get(key)).toBeUndefined();
  });
});
