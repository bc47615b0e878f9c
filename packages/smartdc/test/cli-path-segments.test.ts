import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedEnv } from '../../../test-support/isolated-env.js';
import { runNimbus } from '../../../test-support/run-cli.js';
import { type SmartdcEmulator, startSmartdcEmulator } from '../src/emulator/index.js';
import { assertBuilt, smartdcRoot } from './support/nimbus-cli.js';
import { generateKey, tempDir } from './support/ssh-keys.js';

describe('nimbus smartdc refusing bad input before any request', () => {
  let emulator: SmartdcEmulator;
  let root: { path: string; remove: () => Promise<void> };
  let vars: NodeJS.ProcessEnv;
  let machineId: string;

  beforeAll(async () => {
    assertBuilt();
    root = await tempDir('smartdc-cli-paths-');
    const home = join(root.path, 'home');
    await mkdir(join(home, '.ssh'), { recursive: true, mode: 0o700 });
    const key = await generateKey(join(home, '.ssh'), 'id_rsa', 'rsa');
    emulator = await startSmartdcEmulator({ seed: { login: 'jill', machines: 1 } });
    emulator.addKey(key.publicKey);
    const env = isolatedEnv(home);
    const link = await runNimbus(['plugins', 'link', smartdcRoot, '--no-install'], env);
    expect(link.code, link.stderr).toBe(0);
    vars = { ...env, SDC_URL: emulator.url, SDC_ACCOUNT: 'jill', SDC_KEY_ID: key.md5 };
    const list = await runNimbus(['smartdc', 'machine', 'list', '--json'], vars);
    machineId = (JSON.parse(list.stdout) as { id: string }[])[0]?.id ?? '';
  });
  afterAll(async () => {
    await emulator?.close();
    await root?.remove();
  });

  it.each([
    [['machine', 'tag', 'delete'], '..'],
    [['machine', 'tag', 'delete'], '.'],
    [['machine', 'metadata', 'delete'], '..'],
    [['machine', 'snapshot', 'delete'], '..'],
    [['machine', 'metadata', 'get'], '..'],
  ])('%j <machine> %s exits 2 and leaves the machine and its tags alone', async (command, bad) => {
    const run = await runNimbus(['smartdc', ...command, machineId, bad], vars);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/must not be/);
    const machine = await runNimbus(['smartdc', 'machine', 'get', machineId, '--json'], vars);
    expect(machine.code, machine.stderr).toBe(0);
    expect(JSON.parse(machine.stdout)).toMatchObject({ id: machineId, state: 'running' });
  });

  it.each([
    [['key', 'add'], []],
    [['machine', 'create', 'base64', 'g4-highcpu-512M', '--script'], []],
  ])('%j with a missing file exits 2 naming the path (no raw ENOENT, nothing created)', async (command) => {
    const missing = join(root.path, 'no-such-file');
    const run = await runNimbus(['smartdc', ...command, missing], vars);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain(missing);
    expect(run.stderr).not.toContain('ENOENT');
    const list = await runNimbus(['smartdc', 'machine', 'list', '--json'], vars);
    expect(JSON.parse(list.stdout)).toHaveLength(1);
  });
});
