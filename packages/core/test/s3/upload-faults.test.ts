import { randomBytes } from 'node:crypto';
import { readFile, utimes, writeFile } from 'node:fs/promises';
import type { S3Client } from '@aws-sdk/client-s3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { IntegrityError, type ResumeState, UploadFailedError, uploadFile } from '../../src/s3/index.js';
import { type LocalS3, localS3FromEnv } from '../../src/testing/local-s3.js';
import { isUploadPart, type S3FaultProxy, startS3FaultProxy } from '../../src/testing/s3-fault-proxy.js';
import { expectedEtag, MIB, md5, PART, type S3Fixture, s3Fixture } from './s3-fixture.js';

const lab = localS3FromEnv();
const fastRetry = { limit: 3, baseDelayMs: 5, maxDelayMs: 20 };

describe.skipIf(!lab)('uploadFile through a fault-injecting proxy in front of Ceph RGW', () => {
  let s3: S3Fixture;
  let proxy: S3FaultProxy;
  let viaProxy: S3Client;
  beforeAll(async () => {
    s3 = await s3Fixture(lab as LocalS3);
    proxy = await startS3FaultProxy((lab as LocalS3).endpoint);
    viaProxy = s3.clientVia(proxy.url, { requestTimeoutMs: 1500 });
  });
  afterEach(() => proxy.clear());
  afterAll(async () => {
    viaProxy?.destroy();
    await proxy?.close();
    await s3?.cleanup();
  });

  const fourParts = () => randomBytes(3 * PART + 4321);

  it('survives a connection reset in the middle of a part and stores the right bytes', async () => {
    const bytes = fourParts();
    const path = await s3.file('reset.bin', bytes);
    proxy.resetMidBody(MIB, isUploadPart, 2);
    const result = await uploadFile({
      client: viaProxy,
      bucket: s3.bucket,
      key: 'reset',
      path,
      partSize: PART,
      retry: fastRetry,
    });
    expect(result.etag).toBe(expectedEtag(bytes, PART));
    expect((await s3.read('reset')).equals(bytes)).toBe(true);
    expect(proxy.count(isUploadPart)).toBe(5);
  });

  it('retries a part answered 503 and one answered 500', async () => {
    const bytes = fourParts();
    const path = await s3.file('5xx.bin', bytes);
    proxy.failWith(503, isUploadPart, 1).failWith(500, isUploadPart, 2);
    const retries: number[] = [];
    const result = await uploadFile({
      client: viaProxy,
      bucket: s3.bucket,
      key: '5xx',
      path,
      partSize: PART,
      retry: fastRetry,
      onRetry: (r) => retries.push(r.error.status ?? 0),
    });
    expect(result.md5).toBe(md5(bytes));
    expect(retries.sort()).toEqual([500, 503]);
    expect((await s3.read('5xx')).equals(bytes)).toBe(true);
  });

  it('gives up on a stalled part after the socket timeout and sends it again', async () => {
    const bytes = fourParts();
    const path = await s3.file('stall.bin', bytes);
    proxy.stall(isUploadPart, 3);
    const retries: string[] = [];
    await uploadFile({
      client: viaProxy,
      bucket: s3.bucket,
      key: 'stall',
      path,
      partSize: PART,
      retry: fastRetry,
      onRetry: (r) => retries.push(r.error.code),
    });
    expect(retries).toEqual(['TIMEOUT']);
    expect((await s3.read('stall')).equals(bytes)).toBe(true);
  });

  it('aborts the multipart upload when a part keeps failing, and says so', async () => {
    const path = await s3.file('giveup.bin', fourParts());
    for (let i = 0; i < 6; i++)
      proxy.failWith(500, (r) => isUploadPart(r) && r.query.get('partNumber') === '2');
    const error = await uploadFile({
      client: viaProxy,
      bucket: s3.bucket,
      key: 'giveup',
      path,
      partSize: PART,
      retry: { ...fastRetry, limit: 2 },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UploadFailedError);
    expect((error as UploadFailedError).multipartUpload).toBe('aborted');
    expect((error as Error).message).toMatch(/UploadPart 2 .*was aborted, nothing is left on the server/);
    expect((error as UploadFailedError).code).toBe('SERVER');
    expect(await s3.openUploads('giveup')).toEqual([]);
  });

  it('aborts the multipart upload when the caller aborts', async () => {
    const path = await s3.file('cancel.bin', fourParts());
    const controller = new AbortController();
    const error = await uploadFile({
      client: viaProxy,
      bucket: s3.bucket,
      key: 'cancel',
      path,
      partSize: PART,
      concurrency: 1,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    }).catch((e: unknown) => e);
    expect((error as UploadFailedError).multipartUpload).toBe('aborted');
    expect((error as UploadFailedError).code).toBe('ABORTED');
    expect(await s3.openUploads('cancel')).toEqual([]);
  });

  it('keeps a failed upload for resuming, then sends only the parts the server lacks', async () => {
    const bytes = randomBytes(5 * PART + 99);
    const path = await s3.file('resume.bin', bytes);
    const statePath = `${s3.dir}/resume.state.json`;
    // Part 4 fails for good: the first run ends like a killed one, with parts 1-3 (and maybe 5) sent.
    for (let i = 0; i < 3; i++)
      proxy.failWith(503, (r) => isUploadPart(r) && r.query.get('partNumber') === '4');
    const error = await uploadFile({
      client: viaProxy,
      bucket: s3.bucket,
      key: 'resume',
      path,
      partSize: PART,
      concurrency: 1,
      resumeState: statePath,
      retry: { ...fastRetry, limit: 1 },
    }).catch((e: unknown) => e);
    expect((error as UploadFailedError).multipartUpload).toBe('kept');
    expect((error as Error).message).toContain(statePath);
    const state = JSON.parse(await readFile(statePath, 'utf8')) as ResumeState;
    expect(state.parts.map((p) => p.partNumber)).toEqual([1, 2, 3]);
    expect(await s3.openUploads('resume')).toEqual([state.uploadId]);
    // Forget part 3 locally, as a run killed between the server's answer and the state write would:
    // ListParts still finds it, and its MD5 proves it is the same bytes.
    await writeFile(statePath, JSON.stringify({ ...state, parts: state.parts.slice(0, 2) }));

    proxy.clear();
    const result = await uploadFile({
      client: viaProxy,
      bucket: s3.bucket,
      key: 'resume',
      path,
      partSize: PART,
      resumeState: statePath,
      retry: fastRetry,
    });
    expect(result.resumedParts).toBe(3);
    expect(
      proxy.requests
        .filter(isUploadPart)
        .map((r) => r.query.get('partNumber'))
        .sort(),
    ).toEqual(['4', '5', '6']);
    expect(result.etag).toBe(expectedEtag(bytes, PART));
    expect((await s3.read('resume')).equals(bytes)).toBe(true);
    await expect(readFile(statePath)).rejects.toThrow(/ENOENT/);
    expect(await s3.openUploads('resume')).toEqual([]);
  });

  it('starts over cleanly when the file changed between runs', async () => {
    const first = randomBytes(3 * PART + 1);
    const path = await s3.file('changed.bin', first);
    const statePath = `${s3.dir}/changed.state.json`;
    for (let i = 0; i < 2; i++)
      proxy.failWith(503, (r) => isUploadPart(r) && r.query.get('partNumber') === '3');
    const error = await uploadFile({
      client: viaProxy,
      bucket: s3.bucket,
      key: 'changed',
      path,
      partSize: PART,
      concurrency: 1,
      resumeState: statePath,
      retry: { ...fastRetry, limit: 1 },
    }).catch((e: unknown) => e);
    expect((error as UploadFailedError).multipartUpload).toBe('kept');
    const stale = (JSON.parse(await readFile(statePath, 'utf8')) as ResumeState).uploadId;

    const second = randomBytes(first.length);
    await writeFile(path, second);
    await utimes(path, new Date(), new Date(Date.now() + 5000));
    proxy.clear();
    const result = await uploadFile({
      client: viaProxy,
      bucket: s3.bucket,
      key: 'changed',
      path,
      partSize: PART,
      resumeState: statePath,
    });
    expect(result.resumedParts).toBe(0);
    expect(proxy.count(isUploadPart)).toBe(4);
    expect((await s3.read('changed')).equals(second)).toBe(true);
    expect(await s3.openUploads('changed')).not.toContain(stale);
    expect(await s3.openUploads('changed')).toEqual([]);
  });

  it('fails, never silently succeeds, when a part comes back with an ETag that is not its MD5', async () => {
    const path = await s3.file('bad-part.bin', fourParts());
    proxy.rewriteEtag('"00000000000000000000000000000000"', isUploadPart, 2);
    const error = await uploadFile({
      client: viaProxy,
      bucket: s3.bucket,
      key: 'bad-part',
      path,
      partSize: PART,
      retry: fastRetry,
    }).catch((e: unknown) => e);
    expect((error as UploadFailedError).multipartUpload).toBe('aborted');
    expect((error as Error).cause).toBeInstanceOf(IntegrityError);
    expect((error as Error).message).toMatch(/part ETag is not the part's MD5/);
    expect(await s3.openUploads('bad-part')).toEqual([]);
  });

  it('fails when the stored object reports another ETag than the one computed from the parts', async () => {
    const path = await s3.file('bad-head.bin', fourParts());
    proxy.rewriteEtag('"0123456789abcdef0123456789abcdef-4"', (r) => r.method === 'HEAD');
    const error = await uploadFile({
      client: viaProxy,
      bucket: s3.bucket,
      key: 'bad-head',
      path,
      partSize: PART,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntegrityError);
    expect((error as Error).message).toMatch(
      /HeadObject .*expected [0-9a-f]{32}-4, got 0123456789abcdef0123456789abcdef-4/,
    );
  });

  it('gives up at the retry deadline on a part that stalls every time, and aborts the upload', async () => {
    const path = await s3.file('deadline.bin', fourParts());
    const patient = s3.clientVia(proxy.url, { requestTimeoutMs: 60_000 });
    for (let i = 0; i < 20; i++) proxy.stall((r) => isUploadPart(r) && r.query.get('partNumber') === '1');
    const error = await uploadFile({
      client: patient,
      bucket: s3.bucket,
      key: 'deadline',
      path,
      partSize: PART,
      retry: { ...fastRetry, deadlineMs: 800 },
    }).catch((e: unknown) => e);
    patient.destroy();
    expect((error as UploadFailedError).code).toBe('TIMEOUT');
    expect((error as Error).message).toMatch(/UploadPart 1 .*gave up after 800 ms .*was aborted/);
    expect(await s3.openUploads('deadline')).toEqual([]);
  });

  it('refuses a resume state that is not one, or belongs to another object, before sending anything', async () => {
    const path = await s3.file('state-check.bin', fourParts());
    const garbage = `${s3.dir}/garbage.state.json`;
    await writeFile(garbage, 'not json');
    await expect(
      uploadFile({
        client: viaProxy,
        bucket: s3.bucket,
        key: 'state-check',
        path,
        partSize: PART,
        resumeState: garbage,
      }),
    ).rejects.toThrow(/is not an upload resume state file \(it is not JSON\)/);
    const other = `${s3.dir}/other.state.json`;
    await writeFile(
      other,
      JSON.stringify({
        version: 1,
        bucket: s3.bucket,
        key: 'elsewhere',
        uploadId: 'x',
        partSize: PART,
        fileSize: 1,
        fileMtimeMs: 1,
        parts: [],
      }),
    );
    await expect(
      uploadFile({
        client: viaProxy,
        bucket: s3.bucket,
        key: 'state-check',
        path,
        partSize: PART,
        resumeState: other,
      }),
    ).rejects.toThrow(/belongs to s3:\/\/.*\/elsewhere/);
    expect(proxy.requests).toEqual([]);
    expect(await readFile(garbage, 'utf8')).toBe('not json');
  });

  it('aborts at once when the resume state cannot be written, leaving no orphan', async () => {
    const path = await s3.file('unwritable.bin', fourParts());
    const resumeState = `${s3.dir}/no-such-dir/state.json`;
    const error = await uploadFile({
      client: viaProxy,
      bucket: s3.bucket,
      key: 'unwritable',
      path,
      partSize: PART,
      resumeState,
    }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/cannot write the resume state .*no-such-dir.*was aborted/);
    expect(proxy.count(isUploadPart)).toBe(0);
    expect(await s3.openUploads('unwritable')).toEqual([]);
  });

  it('refuses to complete when the file changed during the upload, and aborts it', async () => {
    const path = await s3.file('moving.bin', fourParts());
    let touched = false;
    const error = await uploadFile({
      client: viaProxy,
      bucket: s3.bucket,
      key: 'moving',
      path,
      partSize: PART,
      concurrency: 1,
      onProgress: () => {
        if (touched) return;
        touched = true;
        void utimes(path, new Date(), new Date(Date.now() + 60_000));
      },
    }).catch((e: unknown) => e);
    expect((error as UploadFailedError).multipartUpload).toBe('aborted');
    expect((error as Error).message).toMatch(/moving\.bin changed while it was uploaded/);
    expect(proxy.count((r) => r.method === 'POST' && r.query.has('uploadId'))).toBe(0);
    expect(await s3.openUploads('moving')).toEqual([]);
  });
});
