import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HeadObjectCommand, ListMultipartUploadsCommand } from '@aws-sdk/client-s3';
import { isUploadPart, type S3FaultProxy, startS3FaultProxy } from '@nimbus-sdk/core/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ImsEmulator } from '../src/emulator/index.js';
import { type ImsClient, type ImsClientOptions, UploadArtifactsError } from '../src/index.js';
import { clientFor, PUBLIC_KEY, rgw, startEmulator } from './emulator-fixture.js';
import { createTestBucket, type TestBucket } from './rgw-bucket.js';

const MIB = 1024 * 1024;

describe.skipIf(!rgw)('uploadArtifacts against the emulator and a real RGW', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ims-upload-'));
  const bytes = {
    rootfs: randomBytes(20 * MIB + 12345), // three 8 MiB parts
    kernel: randomBytes(3 * MIB),
    initrd: randomBytes(5 * MIB + 7),
  };
  const files = Object.fromEntries(
    Object.entries(bytes).map(([kind, body]) => {
      const path = join(dir, kind);
      writeFileSync(path, body);
      return [kind, path];
    }),
  ) as Record<keyof typeof bytes, string>;
  const md5 = (body: Buffer | string) => createHash('md5').update(body).digest('hex');

  let ims: ImsEmulator;
  let bucket: TestBucket;
  let proxy: S3FaultProxy | undefined;

  const lab = () => rgw as NonNullable<typeof rgw>;
  const s3Options = (endpoint = lab().endpoint): Partial<ImsClientOptions> => ({
    s3: {
      endpoint,
      accessKeyId: lab().accessKeyId,
      secretAccessKey: lab().secretAccessKey,
      region: lab().region,
    },
    bucket: bucket.name,
  });
  const client = (endpoint?: string): ImsClient => clientFor(ims, s3Options(endpoint));

  beforeAll(async () => {
    ims = await startEmulator();
    bucket = await createTestBucket(lab(), 'boot-images');
  });
  beforeEach(() => ims.reset());
  afterEach(async () => {
    await proxy?.close();
    proxy = undefined;
  });
  afterAll(async () => {
    await ims.close();
    await bucket.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  async function customizeJob(ims: ImsClient, sourceImageId: string) {
    const key = await ims.publicKeys.create({ name: 'k', public_key: PUBLIC_KEY });
    return ims.jobs.create({
      job_type: 'customize',
      artifact_id: sourceImageId,
      public_key_id: key.id,
      image_root_archive_name: 'custom',
    });
  }

  it('uploads rootfs (multipart), kernel and initrd in parallel, writes a 1.0 manifest, links the image and the job', async () => {
    const ims1 = client();
    const first = await ims1.uploadArtifacts({
      imageName: 'base',
      rootfs: files.rootfs,
      kernel: files.kernel,
    });
    const job = await customizeJob(ims1, first.image.id);
    const events: string[] = [];
    const result = await ims1.uploadArtifacts({
      imageName: 'compute',
      jobId: job.id,
      rootfs: files.rootfs,
      kernel: files.kernel,
      initrd: files.initrd,
      arch: 'aarch64',
      onProgress: (event) => events.push(event.phase),
    });
    const id = result.image.id;
    for (const [kind, body] of Object.entries(bytes)) {
      expect((await bucket.get(`${id}/${kind}`))?.equals(body)).toBe(true);
    }
    const store = await ims1.artifactStore();
    const rootfsHead = await store.head(bucket.name, `${id}/rootfs`);
    expect(rootfsHead?.metadata).toEqual({
      md5sum: md5(bytes.rootfs),
      'x-shasta-ims-image-name': 'compute',
      'x-shasta-ims-image-id': id,
      'x-shasta-ims-job-id': job.id,
    });
    const typed = await store.client.send(
      new HeadObjectCommand({ Bucket: bucket.name, Key: `${id}/kernel` }),
    );
    expect(typed.ContentType).toBe('application/vnd.cray.image.kernel');

    const manifest = JSON.parse(String(await bucket.get(`${id}/manifest.json`))) as {
      version: string;
      artifacts: { type: string; md5: string; link: { path: string; etag: string; type: string } }[];
    };
    expect(manifest.version).toBe('1.0');
    expect(manifest.artifacts.map((a) => [a.type, a.md5, a.link.path])).toEqual([
      ['application/vnd.cray.image.rootfs.squashfs', md5(bytes.rootfs), `s3://${bucket.name}/${id}/rootfs`],
      ['application/vnd.cray.image.kernel', md5(bytes.kernel), `s3://${bucket.name}/${id}/kernel`],
      ['application/vnd.cray.image.initrd', md5(bytes.initrd), `s3://${bucket.name}/${id}/initrd`],
    ]);
    expect(manifest.artifacts[0]?.link.etag).toBe(rootfsHead?.etag);
    expect(manifest.artifacts.every((a) => !a.link.etag.includes('"'))).toBe(true);

    expect(result.image.link).toEqual({ ...result.manifest?.link, type: 's3' });
    expect(result.image.arch).toBe('aarch64');
    expect((await ims1.images.get(id)).link?.path).toBe(`s3://${bucket.name}/${id}/manifest.json`);
    expect(result.job?.resultant_image_id).toBe(id);
    expect(result.job?.status).toBe('creating');
    expect(events).toEqual(expect.arrayContaining(['image', 'upload', 'manifest', 'link', 'job']));
  });

  it('rolls back when S3 fails mid-upload: no objects, no multipart uploads, no image record', async () => {
    proxy = await startS3FaultProxy(lab().endpoint);
    proxy.failWith(403, isUploadPart, 2);
    const ims1 = client(proxy.url);
    const error = await ims1
      .uploadArtifacts({
        imageName: 'doomed',
        rootfs: files.rootfs,
        kernel: files.kernel,
        initrd: files.initrd,
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UploadArtifactsError);
    const rollback = (error as UploadArtifactsError).rollback;
    expect(rollback.leftBehind).toEqual([]);
    expect(rollback.imageRecordDeleted).toBe(true);
    expect((error as Error).message).toMatch(/rolled back: deleted \d+ object\(s\) and the image record/);
    expect(await bucket.keys(`${rollback.imageId}/`)).toEqual([]);
    const store = await clientFor(ims, s3Options()).artifactStore();
    const uploads = await store.client.send(
      new ListMultipartUploadsCommand({ Bucket: bucket.name, Prefix: `${rollback.imageId}/` }),
    );
    expect(uploads.Uploads ?? []).toEqual([]);
    expect(await ims1.images.list().toArray()).toEqual([]);
  });

  it('refreshes a token that expires mid-upload once, and finishes', async () => {
    const ims1 = client();
    await ims1.images.list().toArray();
    let expired = false;
    const result = await ims1.uploadArtifacts({
      imageName: 'long',
      rootfs: files.rootfs,
      kernel: files.kernel,
      onProgress: (event) => {
        if (event.phase === 'upload' && !expired) {
          expired = true;
          ims.expireTokens();
        }
      },
    });
    expect(expired).toBe(true);
    expect(result.image.link).not.toBeNull();
    expect(ims.tokensIssued).toBe(2);
  });

  it('skip-existing reuses a same-name image whose manifest matches the local files and uploads nothing', async () => {
    const ims1 = client();
    const first = await ims1.uploadArtifacts({
      imageName: 'same',
      rootfs: files.rootfs,
      kernel: files.kernel,
    });
    const keysBefore = await bucket.keys(`${first.image.id}/`);
    proxy = await startS3FaultProxy(lab().endpoint);
    const watched = client(proxy.url);
    const second = await watched.uploadArtifacts({
      imageName: 'same',
      rootfs: files.rootfs,
      kernel: files.kernel,
      skipExisting: true,
    });
    expect(second.reused).toBe(true);
    expect(second.image.id).toBe(first.image.id);
    expect(second.artifacts).toEqual([]);
    expect(proxy.count((r) => r.method === 'PUT' || r.method === 'POST')).toBe(0);
    expect(await ims1.images.list().toArray()).toHaveLength(1);
    expect(await bucket.keys(`${first.image.id}/`)).toEqual(keysBefore);

    const different = await watched.uploadArtifacts({
      imageName: 'same',
      rootfs: files.initrd,
      kernel: files.kernel,
      skipExisting: true,
    });
    expect(different.reused).toBe(false);
    expect(await ims1.images.list().toArray()).toHaveLength(2);
  });

  it('refuses a set without rootfs before creating anything', async () => {
    const ims1 = client();
    await expect(ims1.uploadArtifacts({ imageName: 'x', kernel: files.kernel })).rejects.toThrow(
      /exactly one rootfs/,
    );
    expect(await ims1.images.list().toArray()).toEqual([]);
  });
});
