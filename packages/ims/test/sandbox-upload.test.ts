import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isRgwInstalled } from '@nimbus-sdk/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedEnv } from '../../../test-support/isolated-env.js';
import { runNimbus } from '../../../test-support/run-cli.js';

// The "done when" of the issue: `nimbus ims image upload-artifacts` against `nimbus sandbox`, whose
// IMS emulator validates the link against the sandbox's own RGW.
const cliBuilt = existsSync(fileURLToPath(new URL('../../cli/dist/commands/sandbox/up.js', import.meta.url)));
const rgwInstalled = await isRgwInstalled();

describe.skipIf(!cliBuilt || !rgwInstalled)('nimbus ims against nimbus sandbox', () => {
  let home: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'nimbus-ims-sandbox-'));
    env = { ...isolatedEnv(home), OAUTH_CONFIG_DIR: join(home, 'none') };
  });
  afterAll(async () => {
    await runNimbus(['sandbox', 'down'], env);
    await rm(home, { recursive: true, force: true });
  });

  it('uploads artifacts that the sandbox IMS links after checking them in the sandbox S3', async () => {
    const up = await runNimbus(['sandbox', 'up', '--detach', '--provider', 'ims', '--json'], env);
    expect(up.code, up.stderr).toBe(0);
    const rootfs = join(home, 'image.sqsh');
    const kernel = join(home, 'vmlinuz');
    const initrd = join(home, 'initrd');
    await writeFile(rootfs, randomBytes(6 * 1024 * 1024));
    await writeFile(kernel, randomBytes(1024));
    await writeFile(initrd, randomBytes(2048));
    const run = await runNimbus(
      [
        'ims',
        'image',
        'upload-artifacts',
        'sandbox-image',
        '-r',
        rootfs,
        '-k',
        kernel,
        '-i',
        initrd,
        '--json',
      ],
      env,
    );
    expect(run.code, run.stderr).toBe(0);
    const output = JSON.parse(run.stdout);
    expect(output.result).toBe('success');
    const id = output.ims_image_record.id;
    expect(output.ims_image_record.link.path).toBe(`s3://boot-images/${id}/manifest.json`);

    const shown = await runNimbus(['ims', 'image', 'show', id, '--json'], env);
    expect(JSON.parse(shown.stdout).link.path).toBe(`s3://boot-images/${id}/manifest.json`);
    const down = await runNimbus(['sandbox', 'down', '--json'], env);
    expect(JSON.parse(down.stdout)).toMatchObject({ stopped: true });
  }, 300_000);
});
