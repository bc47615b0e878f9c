import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isolatedEnv } from '../../../test-support/isolated-env.js';
import { type CliRun, runNodeScript } from '../../../test-support/run-cli.js';
import type { ImsEmulator } from '../src/emulator/index.js';
import { clientFor, PUBLIC_KEY, rgw, startEmulator } from './emulator-fixture.js';
import { createTestBucket, type TestBucket } from './rgw-bucket.js';

const runner = fileURLToPath(new URL('./fixtures/run-ims.mjs', import.meta.url));
const built = fileURLToPath(new URL('../dist/commands/ims/image/upload-artifacts.js', import.meta.url));

let ims: ImsEmulator;
let home: string;

/** Runs the built commands in a child process with exactly `env` (plus an isolated HOME). */
function cli(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return runNodeScript(runner, ['ims', ...args], {
    ...isolatedEnv(home),
    OAUTH_CONFIG_DIR: join(home, 'none'),
    ...env,
  });
}

const oauthEnv = () => ({
  IMS_URL: ims.imsUrl,
  OAUTH_CLIENT_ENDPOINT: ims.tokenUrl,
  OAUTH_CLIENT_ID: ims.seed.clientId,
  OAUTH_CLIENT_SECRET: ims.seed.clientSecret,
});

beforeAll(async () => {
  if (!existsSync(built)) {
    throw new Error(
      'packages/ims is not built: run `pnpm --filter @nimbus-sdk/ims build` (the root `pnpm test` does)',
    );
  }
  ims = await startEmulator();
  home = await mkdtemp(join(tmpdir(), 'nimbus-ims-cli-'));
});
beforeEach(() => ims.reset());
afterAll(async () => {
  await ims?.close();
  if (home) await rm(home, { recursive: true, force: true });
});

describe('nimbus ims commands', () => {
  it('image list --json works from the helper environment variables', async () => {
    await clientFor(ims).images.create({ name: 'listed' });
    const run = await cli(['image', 'list', '--json'], oauthEnv());
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).map((i: { name: string }) => i.name)).toEqual(['listed']);
  });

  it('reads the OAuth2 settings from the OAUTH_CONFIG_DIR files, and flags win over them', async () => {
    const dir = join(home, 'admin-client-auth');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'client-id'), `${ims.seed.clientId}\n`);
    await writeFile(join(dir, 'client-secret'), `${ims.seed.clientSecret}\n`);
    await writeFile(join(dir, 'endpoint'), 'http://127.0.0.1:9/not-used-because-of-the-flag');
    const run = await cli(['version', '--json', '--token-url', ims.tokenUrl], {
      IMS_URL: ims.imsUrl,
      OAUTH_CONFIG_DIR: dir,
    });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ version: '3.33.0' });
  });

  it('exits 3 on a wrong secret without printing it', async () => {
    const secret = `wrong-${randomBytes(6).toString('hex')}`;
    const run = await cli(['image', 'list', '--json'], { ...oauthEnv(), OAUTH_CLIENT_SECRET: secret });
    expect(run.code).toBe(3);
    expect(JSON.parse(run.stdout).error.code).toBe('AUTHENTICATION');
    expect(run.stdout + run.stderr).not.toContain(secret);
  });

  it('exits 4 for an unknown image, and 2 naming the missing settings', async () => {
    const missing = await cli(['image', 'show', '5f4a7d5e-0000-4000-8000-000000000000'], oauthEnv());
    expect(missing.code).toBe(4);
    expect(missing.stderr).toContain('Requested resource does not exist');
    const unset = await cli(['image', 'list'], { IMS_URL: ims.imsUrl });
    expect(unset.code).toBe(2);
    expect(unset.stderr).toMatch(/OAUTH_CLIENT_ID/);
  });

  it('sets a job status as `job set-status` and as the helper`s `image set-job-status`, with its output', async () => {
    const client = clientFor(ims);
    const key = await client.publicKeys.create({ name: 'k', public_key: PUBLIC_KEY });
    const image = await client.images.create({ name: 'src' });
    const stored = ims.state.images.get(image.id);
    if (stored) stored.link = { path: `s3://boot-images/${image.id}/manifest.json`, type: 's3', etag: '' };
    const job = await client.jobs.create({
      job_type: 'customize',
      artifact_id: image.id,
      public_key_id: key.id,
      image_root_archive_name: 'x',
    });
    const first = await cli(['job', 'set-status', job.id, 'building_image', '--json'], oauthEnv());
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({
      result: 'success',
      ims_job_record: { status: 'building_image' },
    });
    const second = await cli(
      ['image', 'set-job-status', job.id, 'success', '-t', '720', '--json'],
      oauthEnv(),
    );
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout).ims_job_record.status).toBe('success');
    const listed = await cli(
      ['job', 'list', '--status', 'success', '--job-type', 'customize', '--json'],
      oauthEnv(),
    );
    expect(JSON.parse(listed.stdout).map((j: { id: string }) => j.id)).toEqual([job.id]);
    const none = await cli(['job', 'list', '--status', 'creating', '--json'], oauthEnv());
    expect(JSON.parse(none.stdout)).toEqual([]);
    const bad = await cli(['job', 'set-status', job.id, 'finished'], oauthEnv());
    expect(bad.code).toBe(2);
    const waited = await cli(['job', 'wait', job.id, '--json'], oauthEnv());
    expect(waited.code).toBe(0);
  });

  describe.skipIf(!rgw)('upload-artifacts with the real RGW', () => {
    let bucket: TestBucket;
    let files: Record<'rootfs' | 'kernel' | 'initrd', string>;
    const s3Env = () => {
      const lab = rgw as NonNullable<typeof rgw>;
      return {
        S3_ENDPOINT: lab.endpoint,
        S3_ACCESS_KEY: lab.accessKeyId,
        S3_SECRET_KEY: lab.secretAccessKey,
        S3_BUCKET: bucket.name,
      };
    };

    beforeAll(async () => {
      bucket = await createTestBucket(rgw as NonNullable<typeof rgw>, 'boot-images');
      const dir = await mkdtemp(join(home, 'artifacts-'));
      files = { rootfs: join(dir, 'image.sqsh'), kernel: join(dir, 'vmlinuz'), initrd: join(dir, 'initrd') };
      await writeFile(files.rootfs, randomBytes(9 * 1024 * 1024));
      await writeFile(files.kernel, randomBytes(4096));
      await writeFile(files.initrd, randomBytes(8192));
    });
    afterAll(() => bucket?.destroy());

    it('prints the helper output object (manifest entry last, job record when a job id is given)', async () => {
      const run = await cli(
        [
          'image',
          'upload-artifacts',
          'compute',
          '-r',
          files.rootfs,
          '-k',
          files.kernel,
          '-i',
          files.initrd,
          '--json',
        ],
        { ...oauthEnv(), ...s3Env() },
      );
      expect(run.stderr).not.toMatch(/Error/);
      expect(run.code).toBe(0);
      const output = JSON.parse(run.stdout);
      expect(Object.keys(output)).toEqual(['ims_image_artifacts', 'ims_image_record', 'result']);
      const id = output.ims_image_record.id;
      expect(output.ims_image_artifacts.map((a: { type: string }) => a.type)).toEqual([
        'application/vnd.cray.image.rootfs.squashfs',
        'application/vnd.cray.image.kernel',
        'application/vnd.cray.image.initrd',
        'application/json',
      ]);
      expect(output.ims_image_record.link.path).toBe(`s3://${bucket.name}/${id}/manifest.json`);
      expect(await bucket.keys(`${id}/`)).toHaveLength(4);

      const again = await cli(
        [
          'image',
          'upload-artifacts',
          'compute',
          '-r',
          files.rootfs,
          '-k',
          files.kernel,
          '-i',
          files.initrd,
          '--skip-existing',
          '--json',
        ],
        { ...oauthEnv(), ...s3Env() },
      );
      expect(again.code).toBe(0);
      const reused = JSON.parse(again.stdout);
      expect(reused.ims_image_record.id).toBe(id);
      expect(reused.ims_image_artifacts).toEqual([]);
      expect(await clientFor(ims).images.list().toArray()).toHaveLength(1);
    });

    it('prints {"error": ...} and exits non-zero when the job does not exist, leaving nothing behind', async () => {
      const run = await cli(
        [
          'image',
          'upload-artifacts',
          'orphan',
          '5f4a7d5e-0000-4000-8000-000000000000',
          '-r',
          files.rootfs,
          '--json',
        ],
        { ...oauthEnv(), ...s3Env() },
      );
      expect(run.code).toBe(4);
      const output = JSON.parse(run.stdout);
      expect(output.error.message).toMatch(/rolled back/);
      expect(await clientFor(ims).images.list().toArray()).toEqual([]);
    });

    it('takes every setting as a flag, with no environment at all', async () => {
      const lab = rgw as NonNullable<typeof rgw>;
      const run = await cli([
        'image',
        'upload-artifacts',
        'flagged',
        '-r',
        files.rootfs,
        '--arch',
        'aarch64',
        '--ims-url',
        `${ims.imsUrl}/`,
        '--token-url',
        ims.tokenUrl,
        '--oauth-client-id',
        ims.seed.clientId,
        '--oauth-client-secret',
        ims.seed.clientSecret,
        '--s3-endpoint',
        lab.endpoint,
        '--s3-access-key',
        lab.accessKeyId,
        '--s3-secret-key',
        lab.secretAccessKey,
        '--s3-bucket',
        bucket.name,
        '--s3-ssl-verify',
        'False',
        '--json',
      ]);
      expect(run.code, run.stdout).toBe(0);
      expect(JSON.parse(run.stdout).ims_image_record).toMatchObject({ name: 'flagged', arch: 'aarch64' });
    });

    it('refuses a second -r (the helper silently used only the first) and a job id that is not a UUID', async () => {
      const twice = await cli(['image', 'upload-artifacts', 'x', '-r', files.rootfs, '-r', files.kernel], {
        ...oauthEnv(),
        ...s3Env(),
      });
      expect(twice.code).toBe(2);
      const badJob = await cli(['image', 'upload-artifacts', 'x', 'not-a-uuid', '-r', files.rootfs], {
        ...oauthEnv(),
        ...s3Env(),
      });
      expect(badJob.code).toBe(2);
      expect(badJob.stderr).toMatch(/jobId must start with a UUID/);
      expect(await clientFor(ims).images.list().toArray()).toEqual([]);
    });

    it('refuses a rootfs-less set before creating anything (exit 2)', async () => {
      const run = await cli(['image', 'upload-artifacts', 'x', '-k', files.kernel], {
        ...oauthEnv(),
        ...s3Env(),
      });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/rootfs/);
      expect(await clientFor(ims).images.list().toArray()).toEqual([]);
    });
  });
});
