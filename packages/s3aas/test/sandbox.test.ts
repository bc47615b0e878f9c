import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedEnv } from '../../../test-support/isolated-env.js';
import { nimbusBin, runNimbus } from '../../../test-support/run-cli.js';
import { rgw } from './fixture.js';

// The "done when": against `nimbus sandbox` (which starts its own RGW), a key made with
// `nimbus s3aas key create` puts and gets objects on the sandbox's S3. Runs where RGW is installed
// (under scripts/with-rgw.sh); it costs one more RGW start.
let home: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'nimbus-s3aas-sandbox-'));
  env = isolatedEnv(home);
});
afterAll(async () => {
  if (env) await runNimbus(['sandbox', 'down'], env);
  if (home) await rm(home, { recursive: true, force: true });
});

describe.skipIf(!rgw || !existsSync(nimbusBin))('nimbus sandbox with s3aas', () => {
  it('creates a key with `nimbus s3aas key create` that puts and gets objects on the sandbox S3', async () => {
    const up = await runNimbus(['sandbox', 'up', '--detach', '--provider', 's3aas', '--json'], env);
    expect(up.code, up.stderr).toBe(0);
    const nimbus = async (args: string[]) => {
      const run = await runNimbus(['s3aas', ...args, '--profile', 'sandbox'], env);
      expect(run.code, `${args.join(' ')}: ${run.stderr}${run.stdout}`).toBe(0);
      return run.stdout;
    };
    const parsed = async (args: string[]) => JSON.parse(await nimbus([...args, '--json']));
    const bucket = `sandbox-${Math.random().toString(36).slice(2, 8)}`;
    const { instance } = await parsed([
      'instance',
      'create',
      '--name',
      'done-when',
      '--bucket-name',
      bucket,
      '--versioning',
    ]);
    const content = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['s3:*'],
          Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
        },
      ],
    });
    const policy = await parsed([
      'policy',
      'create',
      '--instance',
      instance.uuid,
      '--name',
      'rw',
      '--content',
      content,
    ]);
    const user = await parsed(['user', 'create', '--instance', instance.uuid, '--name', 'app']);
    await parsed(['user', 'attach-policy', user.uuid, '--instance', instance.uuid, '--policy', policy.uuid]);
    const key = await parsed(['key', 'create', '--instance', instance.uuid, '--user', user.uuid, '--wait']);
    const file = join(home, 'note.txt');
    await writeFile(file, 'done when');
    const creds = ['--access-key', key.access_key, '--secret-key', key.secret_key];
    await parsed(['object', 'put', '--instance', instance.uuid, `${bucket}/note.txt`, file, ...creds]);
    expect(await nimbus(['object', 'get', '--instance', instance.uuid, `${bucket}/note.txt`, ...creds])).toBe(
      'done when',
    );
  });
});
