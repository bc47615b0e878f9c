import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ResumeState, uploadFile } from '../../src/s3/index.js';
import { type LocalS3, localS3FromEnv } from '../../src/testing/local-s3.js';
import { isUploadPart, type S3FaultProxy, startS3FaultProxy } from '../../src/testing/s3-fault-proxy.js';
import { expectedEtag, PART, type S3Fixture, s3Fixture } from './s3-fixture.js';

const lab = localS3FromEnv();
const child = fileURLToPath(new URL('./fixtures/upload-child.mjs', import.meta.url));
const built = fileURLToPath(new URL('../../dist/s3/index.js', import.meta.url));

describe.skipIf(!lab)('a resume after an upload process was killed (SIGKILL)', () => {
  let s3: S3Fixture;
  let proxy: S3FaultProxy;
  let viaProxy: S3Client;
  let running: ChildProcess | undefined;
  beforeAll(async () => {
    if (!existsSync(built))
      throw new Error(`${built} is missing: run \`pnpm --filter @nimbus-sdk/core build\` first`);
    s3 = await s3Fixture(lab as LocalS3);
    proxy = await startS3FaultProxy((lab as LocalS3).endpoint);
    viaProxy = s3.clientVia(proxy.url);
  });
  afterAll(async () => {
    running?.kill('SIGKILL');
    viaProxy?.destroy();
    await proxy?.close();
    await s3?.cleanup();
  });

  it('sends only the parts the killed run had not finished', async () => {
    const l = lab as LocalS3;
    const bytes = randomBytes(5 * PART + 5);
    const path = await s3.file('killed.bin', bytes);
    const resumeState = `${s3.dir}/killed.state.json`;
    // Part 3 hangs, so the child is certainly mid-upload, with parts 1 and 2 done, when it is killed.
    proxy.stall((r) => isUploadPart(r) && r.query.get('partNumber') === '3');
    const options = {
      endpoint: proxy.url,
      accessKeyId: l.accessKeyId,
      secretAccessKey: l.secretAccessKey,
      bucket: s3.bucket,
      key: 'killed',
      path,
      resumeState,
      partSize: PART,
    };
    running = spawn(process.execPath, [child, JSON.stringify(options)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      running?.on('exit', (_code, signal) => resolve(signal)),
    );
    let state: ResumeState | undefined;
    for (let i = 0; i < 600 && (state?.parts.length ?? 0) < 2; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      state = await readFile(resumeState, 'utf8').then(
        (t) => JSON.parse(t) as ResumeState,
        () => undefined,
      );
    }
    expect(state?.parts.map((p) => p.partNumber)).toEqual([1, 2]);
    running.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    running = undefined;

    proxy.clear();
    const result = await uploadFile({
      client: viaProxy,
      bucket: s3.bucket,
      key: 'killed',
      path,
      partSize: PART,
      resumeState,
    });
    expect(result.resumedParts).toBe(2);
    expect(proxy.requests.filter(isUploadPart).map((r) => r.query.get('partNumber'))).toEqual([
      '3',
      '4',
      '5',
      '6',
    ]);
    expect(
      proxy.requests.filter(isUploadPart).every((r) => r.query.get('uploadId') === state?.uploadId),
    ).toBe(true);
    expect(result.etag).toBe(expectedEtag(bytes, PART));
    expect((await s3.read('killed')).equals(bytes)).toBe(true);
  });
});
