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

  it('creates and updates an image, soft-deletes, lists, undeletes and purges it', async () => {
    const created = await cli(
      ['image', 'create', 'cli-img', '--arch', 'aarch64', '--metadata', 'team=hpc', '--json'],
      oauthEnv(),
    );
    expect(created.code, created.stderr).toBe(0);
    const image = JSON.parse(created.stdout);
    expect(image).toMatchObject({ name: 'cli-img', arch: 'aarch64', metadata: { team: 'hpc' } });
    const updated = await cli(
      [
        'image',
        'update',
        image.id,
        '--arch',
        'x86_64',
        '--set-metadata',
        'stage=test',
        '--remove-metadata',
        'team',
        '--json',
      ],
      oauthEnv(),
    );
    expect(JSON.parse(updated.stdout)).toMatchObject({ arch: 'x86_64', metadata: { stage: 'test' } });
    const nothing = await cli(['image', 'update', image.id], oauthEnv());
    expect(nothing.code).toBe(2);
    const badMetadata = await cli(['image', 'create', 'x', '--metadata', 'novalue'], oauthEnv());
    expect(badMetadata.code).toBe(2);
    expect(badMetadata.stderr).toContain('KEY=VALUE');

    expect((await cli(['image', 'delete', image.id, '--soft', '--json'], oauthEnv())).code).toBe(0);
    const deleted = await cli(['deleted-image', 'list', '--json'], oauthEnv());
    expect(JSON.parse(deleted.stdout).map((i: { id: string }) => i.id)).toEqual([image.id]);
    const back = await cli(['deleted-image', 'undelete', image.id, '--json'], oauthEnv());
    expect(JSON.parse(back.stdout).id).toBe(image.id);
    await cli(['image', 'delete', image.id, '--soft'], oauthEnv());
    expect((await cli(['deleted-image', 'purge', image.id, '--json'], oauthEnv())).code).toBe(0);
    expect(JSON.parse((await cli(['deleted-image', 'list', '--json'], oauthEnv())).stdout)).toEqual([]);
  });

  it('registers a public key from a file, creates a recipe and a job, and deletes them', async () => {
    const keyFile = join(home, 'id.pub');
    await writeFile(keyFile, `${PUBLIC_KEY}\n`);
    const key = JSON.parse(
      (await cli(['public-key', 'create', 'admin', '--public-key-file', keyFile, '--json'], oauthEnv()))
        .stdout,
    );
    expect(key.public_key).toBe(PUBLIC_KEY);
    const recipe = JSON.parse(
      (
        await cli(
          [
            'recipe',
            'create',
            'cli-recipe',
            '--distro',
            'sles15',
            '--template',
            'A=1',
            '--no-require-dkms',
            '--json',
          ],
          oauthEnv(),
        )
      ).stdout,
    );
    expect(recipe).toMatchObject({ template_dictionary: [{ key: 'A', value: '1' }], require_dkms: false });
    const stored = ims.state.recipes.get(recipe.id);
    if (stored) stored.link = { path: `s3://ims/recipes/${recipe.id}/recipe.tar.gz`, type: 's3', etag: '' };
    const job = await cli(
      [
        'job',
        'create',
        '--job-type',
        'create',
        '--artifact-id',
        recipe.id,
        '--public-key-id',
        key.id,
        '--image-root-archive-name',
        'built',
        '--enable-debug',
        '--json',
      ],
      oauthEnv(),
    );
    expect(job.code, job.stdout).toBe(0);
    const record = JSON.parse(job.stdout);
    expect(record).toMatchObject({
      job_type: 'create',
      kubernetes_job: `cray-ims-${record.id}-create`,
      require_dkms: false,
    });
    expect(record.ssh_containers.map((c: { name: string }) => c.name)).toEqual(['debug']);
    for (const [noun, id] of [
      ['job', record.id],
      ['recipe', recipe.id],
      ['public-key', key.id],
    ]) {
      expect((await cli([noun as string, 'delete', id as string, '--json'], oauthEnv())).code).toBe(0);
    }
    expect(JSON.parse((await cli(['recipe', 'list', '--json'], oauthEnv())).stdout)).toEqual([]);
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

    it('takes every setting as a flag, with no environment at all, and -p as the boot parameters', async () => {
      const lab = rgw as NonNullable<typeof rgw>;
      // The helper's grammar: -p is BOOT_PARAMETERS on this command, not --profile.
      const params = join(home, 'boot-params');
      await writeFile(params, 'console=ttyS0\n');
      const run = await cli([
        'image',
        'upload-artifacts',
        'flagged',
        '-r',
        files.rootfs,
        '-p',
        params,
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
      const output = JSON.parse(run.stdout);
      expect(output.ims_image_record).toMatchObject({ name: 'flagged', arch: 'aarch64' });
      expect(output.ims_image_artifacts.map((a: { type: string }) => a.type)).toContain(
        'application/vnd.cray.image.parameters.boot',
      );
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

    it('uploads a recipe archive and links it', async () => {
      const run = await cli(
        [
          'recipe',
          'upload',
          'cli-uploaded',
          files.kernel,
          '--distro',
          'sles15',
          '--template',
          'K=V',
          '--json',
        ],
        { ...oauthEnv(), ...s3Env(), S3_IMS_BUCKET: bucket.name },
      );
      expect(run.code, run.stdout).toBe(0);
      const recipe = JSON.parse(run.stdout);
      expect(recipe.link.path).toBe(`s3://${bucket.name}/recipes/${recipe.id}/recipe.tar.gz`);
      expect(recipe.template_dictionary).toEqual([{ key: 'K', value: 'V' }]);
      expect(await bucket.keys(`recipes/${recipe.id}/`)).toHaveLength(1);
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
