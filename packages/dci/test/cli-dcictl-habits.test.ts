import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedEnv } from '../../../test-support/isolated-env.js';
import { runNodeScript } from '../../../test-support/run-cli.js';
import { type DciEmulator, startDciEmulator } from '../src/emulator/index.js';

// dcictl users type its command names (job-list, remoteci-reset-api-secret); they run the same commands.
const runner = fileURLToPath(new URL('./fixtures/run-dci.mjs', import.meta.url));
let emulator: DciEmulator;
let home: string;

const dci = (args: readonly string[]) =>
  runNodeScript(runner, ['dci', ...args], {
    ...isolatedEnv(home),
    DCI_CS_URL: emulator.url,
    DCI_LOGIN: emulator.seed.users.admin.login,
    DCI_PASSWORD: emulator.seed.users.admin.password,
  });

beforeAll(async () => {
  emulator = await startDciEmulator();
  home = await mkdtemp(join(tmpdir(), 'nimbus-dci-dcictl-'));
});
afterAll(async () => {
  await emulator?.close();
  if (home) await rm(home, { recursive: true, force: true });
});

describe('dcictl habits', () => {
  it('runs job-list as job list', async () => {
    const dashed = await dci(['job-list', '--json']);
    const spaced = await dci(['job', 'list', '--json']);
    expect(dashed.code, dashed.stderr).toBe(0);
    expect(JSON.parse(dashed.stdout)).toEqual(JSON.parse(spaced.stdout));
  });

  it('resets a remoteci API secret and prints the new one, which then signs and the old does not', async () => {
    const { remoteci } = emulator.seed;
    const id = remoteci.clientId.split('/')[1] as string;
    const run = await dci(['remoteci-reset-api-secret', id, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const { api_secret: secret } = JSON.parse(run.stdout) as { api_secret: string };
    expect(secret).toMatch(/^\w{20,}/);
    expect(secret).not.toBe(remoteci.apiSecret);
    const signedWith = (apiSecret: string) =>
      runNodeScript(runner, ['dci', 'identity', 'show', '--json'], {
        ...isolatedEnv(home),
        DCI_CS_URL: emulator.url,
        DCI_CLIENT_ID: remoteci.clientId,
        DCI_API_SECRET: apiSecret,
      });
    expect((await signedWith(secret)).code).toBe(0);
    expect((await signedWith(remoteci.apiSecret)).code).toBe(3);
  });
});
