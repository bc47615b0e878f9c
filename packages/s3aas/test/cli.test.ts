import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedEnv } from '../../../test-support/isolated-env.js';
import { type CliRun, runNodeScript } from '../../../test-support/run-cli.js';
import type { S3aasEmulator } from '../src/emulator/index.js';
import { rgw, startEmulator } from './fixture.js';

const runner = fileURLToPath(new URL('../../core/scripts/run-plugin.mjs', import.meta.url));
const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const built = fileURLToPath(new URL('../dist/commands/s3aas/instance/list.js', import.meta.url));

let emulator: S3aasEmulator;
let home: string;

function s3aas(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return runNodeScript(runner, [packageRoot, 's3aas', ...args], { ...isolatedEnv(home), ...env });
}

const urls = () => ({ S3AAS_URL: emulator.url, EXORDOS_IAM_URL: emulator.url });
const owner = () => ({ ...urls(), EXORDOS_USERNAME: 'alice', EXORDOS_PASSWORD: 'alice-password' });
const json = <T = Record<string, unknown>>(run: CliRun): T => {
  if (run.code !== 0) throw new Error(`exit ${run.code}: ${run.stderr}${run.stdout}`);
  return JSON.parse(run.stdout) as T;
};

beforeAll(async () => {
  if (!existsSync(built)) {
    throw new Error(
      'packages/s3aas is not built: run `pnpm --filter @nimbus-sdk/s3aas build` (the root `pnpm test` does)',
    );
  }
  emulator = await startEmulator();
  home = await mkdtemp(join(tmpdir(), 'nimbus-s3aas-cli-'));
});
afterAll(async () => {
  await emulator?.close();
  if (home) await rm(home, { recursive: true, force: true });
});

describe('nimbus s3aas', () => {
  it('says "log in first" with exit 3 and sends nothing when there is no login', async () => {
    const before = emulator.requests.length;
    const run = await s3aas(['instance', 'list', '--json'], urls());
    expect(run.code).toBe(3);
    expect(JSON.parse(run.stdout).error.message).toMatch(/nimbus s3aas login/);
    expect(emulator.requests.length).toBe(before);
  });

  it('login keeps the refresh token in a 0600 profile (not the password); later commands need no password', async () => {
    const login = await s3aas([
      'login',
      '--json',
      '--url',
      emulator.url,
      '--iam-url',
      emulator.url,
      '--username',
      'alice',
      '--password',
      'alice-password',
    ]);
    expect(json(login)).toMatchObject({
      profile: 'default',
      user: 'alice',
      project_id: '4d657461-0000-0000-0000-000000000002',
    });
    const file = join(home, '.config', 'nimbus', 'profiles.json');
    const saved = await readFile(file, 'utf8');
    expect(saved).toContain('refreshToken');
    expect(saved).not.toContain('alice-password');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const whoami = json(await s3aas(['whoami', '--json']));
    expect(whoami).toMatchObject({ user_info: { name: 'alice' } });
    expect(json<unknown[]>(await s3aas(['version', 'list', '--json']))).toHaveLength(1);
  });

  it('refuses bad input with exit 2 before creating anything', async () => {
    const versioningAlone = await s3aas(
      ['instance', 'create', '--name', 'x', '--versioning', '--json'],
      owner(),
    );
    expect(versioningAlone.code).toBe(2);
    const badBucket = await s3aas(
      ['bucket', 'create', '--instance', crypto.randomUUID(), '--name', 'Bad_Name', '--json'],
      owner(),
    );
    expect(badBucket.code).toBe(2);
    expect(badBucket.stdout).toMatch(/lowercase/);
    expect(json<unknown[]>(await s3aas(['instance', 'list', '--json'], owner()))).toEqual([]);
  });

  it('sends a one-field --sort to the server as sort_key/sort_dir (which names what it cannot sort by)', async () => {
    const sorted = await s3aas(['instance', 'list', '--sort', '-name', '--json'], owner());
    expect(sorted.code, sorted.stderr + sorted.stdout).toBe(0);
    const refused = await s3aas(['instance', 'list', '-s', 'nosuchfield', '--json'], owner());
    expect(refused.code).toBe(2);
    expect(refused.stdout).toMatch(/Sort key nosuchfield is not supported/);
  });

  it('manages instances, buckets, users and policies, and prints a key secret only when it is created', async () => {
    const instance = json(
      await s3aas(['instance', 'create', '--name', 'cli', '--wait', '--json'], owner()),
    ) as {
      instance: { uuid: string; status: string };
    };
    expect(instance.instance.status).toBe('ACTIVE');
    const id = instance.instance.uuid;
    const updated = json(
      await s3aas(['instance', 'update', id, '--description', 'from the CLI', '--json'], owner()),
    );
    expect(updated).toMatchObject({ description: 'from the CLI', name: 'cli' });
    const bucket = json(
      await s3aas(['bucket', 'create', '--instance', id, '--name', 'cli-bucket', '--json'], owner()),
    );
    expect(
      json<unknown[]>(
        await s3aas(['bucket', 'list', '--instance', id, '--where', 'name=cli-bucket', '--json'], owner()),
      ),
    ).toEqual([bucket]);
    const user = json(
      await s3aas(['user', 'create', '--instance', id, '--name', 'app', '--json'], owner()),
    ) as { uuid: string };
    const key = await s3aas(['key', 'create', '--instance', id, '--user', user.uuid], owner());
    expect(key.code).toBe(0);
    expect(key.stdout).toMatch(/secret_key\s+[A-Za-z0-9]{40}/);
    expect(key.stderr).toContain('never shown again');
    const keys = json<Array<{ uuid: string }>>(
      await s3aas(['key', 'list', '--instance', id, '--user', user.uuid, '--json'], owner()),
    );
    const shown = await s3aas(
      ['key', 'show', keys[0]?.uuid as string, '--instance', id, '--user', user.uuid, '--json'],
      owner(),
    );
    expect(json(shown)).not.toHaveProperty('secret_key');
    const missing = await s3aas(['user', 'show', crypto.randomUUID(), '--instance', id, '--json'], owner());
    expect(missing.code).toBe(4);
    expect(emulator.requests.some((line) => line.startsWith('PATCH'))).toBe(false);
    expect((await s3aas(['instance', 'delete', id, '--wait', '--json'], owner())).code).toBe(0);
    expect((await s3aas(['instance', 'show', id, '--json'], owner())).code).toBe(4);
  });
});

describe.skipIf(!rgw)('nimbus s3aas against the emulator with RGW behind it', () => {
  it('creates an instance with a versioned default bucket, a key that works, and puts and gets an object with it', async () => {
    const env = { ...owner(), ...(emulator.dataPlaneEndpoint ? {} : {}) };
    const dp = ['--data-plane-endpoint', emulator.dataPlaneEndpoint as string];
    const bucketName = `cli-${Math.random().toString(36).slice(2, 8)}`;
    const created = json(
      await s3aas(
        ['instance', 'create', '--name', 'dp', '--bucket-name', bucketName, '--versioning', '--json'],
        env,
      ),
    ) as { instance: { uuid: string }; bucket: { name: string; versioning_enabled: boolean } };
    expect(created.bucket).toMatchObject({ name: bucketName, versioning_enabled: true });
    const id = created.instance.uuid;
    const document = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['s3:*'],
          Resource: [`arn:aws:s3:::${bucketName}`, `arn:aws:s3:::${bucketName}/*`],
        },
      ],
    });
    const policy = json(
      await s3aas(
        ['policy', 'create', '--instance', id, '--name', 'rw', '--content', document, '--json'],
        env,
      ),
    ) as {
      uuid: string;
    };
    const user = json(
      await s3aas(['user', 'create', '--instance', id, '--name', 'writer', '--json'], env),
    ) as { uuid: string };
    json(
      await s3aas(
        ['user', 'attach-policy', user.uuid, '--instance', id, '--policy', policy.uuid, '--json'],
        env,
      ),
    );
    const key = json(
      await s3aas(['key', 'create', '--instance', id, '--user', user.uuid, '--wait', '--json', ...dp], env),
    ) as { access_key: string; secret_key: string };
    const file = join(home, 'hello.txt');
    await writeFile(file, 'hello from the CLI');
    const keyEnv = { ...env, AWS_ACCESS_KEY_ID: key.access_key, AWS_SECRET_ACCESS_KEY: key.secret_key };
    const put = await s3aas(
      ['object', 'put', '--instance', id, `${bucketName}/docs/hello.txt`, file, '--json', ...dp],
      keyEnv,
    );
    expect(json(put)).toMatchObject({ key: 'docs/hello.txt', size: 18 });
    const got = await s3aas(
      ['object', 'get', '--instance', id, `${bucketName}/docs/hello.txt`, ...dp],
      keyEnv,
    );
    expect(got.stdout).toBe('hello from the CLI');
    // One form for every nimbus download: --target FILE, --target - for stdout.
    const dashed = await s3aas(
      ['object', 'get', '--instance', id, `${bucketName}/docs/hello.txt`, '--target', '-', ...dp],
      keyEnv,
    );
    expect(dashed.stdout).toBe('hello from the CLI');
    const copy = join(home, 'copy.txt');
    const toFile = await s3aas(
      ['object', 'get', '--instance', id, `${bucketName}/docs/hello.txt`, '--target', copy, '--json', ...dp],
      keyEnv,
    );
    expect(json(toFile)).toMatchObject({ file: copy, size: 18 });
    expect(await readFile(copy, 'utf8')).toBe('hello from the CLI');
    const twice = await s3aas(
      ['object', 'get', '--instance', id, `${bucketName}/docs/hello.txt`, copy, '--target', copy, ...dp],
      keyEnv,
    );
    expect(twice.code).toBe(2);
    const listed = json<Array<{ key: string }>>(
      await s3aas(['object', 'ls', '--instance', id, bucketName, '--json', ...dp], keyEnv),
    );
    expect(listed.map((o) => o.key)).toEqual(['docs/hello.txt']);
    const withFlags = await s3aas(
      [
        'object',
        'rm',
        '--instance',
        id,
        `${bucketName}/docs/hello.txt`,
        '--access-key',
        key.access_key,
        '--secret-key',
        key.secret_key,
        '--json',
        ...dp,
      ],
      env,
    );
    expect(withFlags.code).toBe(0);
    expect(withFlags.stdout + withFlags.stderr).not.toContain(key.secret_key);
    json(
      await s3aas(
        ['user', 'detach-policy', user.uuid, '--instance', id, '--policy', policy.uuid, '--json'],
        env,
      ),
    );
    await emulator.dataPlaneIdle();
    const denied = await s3aas(
      ['object', 'put', '--instance', id, `${bucketName}/denied.txt`, file, '--json', ...dp],
      keyEnv,
    );
    expect(denied.code).toBe(3);
  });
});
