import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedEnv } from '../../../test-support/isolated-env.js';
import { runNimbus } from '../../../test-support/run-cli.js';
import { type SmartdcEmulator, startSmartdcEmulator } from '../src/emulator/index.js';
import { createSmartdcClient } from '../src/index.js';
import { assertBuilt, smartdcRoot } from './support/nimbus-cli.js';
import { generateKey, type TestKey, tempDir } from './support/ssh-keys.js';

describe('nimbus smartdc machine wait with several machines', () => {
  let emulator: SmartdcEmulator;
  let root: { path: string; remove: () => Promise<void> };
  let key: TestKey;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    assertBuilt();
    root = await tempDir('smartdc-cli-wait-');
    const home = join(root.path, 'home');
    await mkdir(join(home, '.ssh'), { recursive: true, mode: 0o700 });
    key = await generateKey(join(home, '.ssh'), 'id_rsa', 'rsa');
    emulator = await startSmartdcEmulator({ seed: { login: 'jill', machines: 3 } });
    emulator.addKey(key.publicKey);
    const link = await runNimbus(['plugins', 'link', smartdcRoot, '--no-install'], isolatedEnv(home));
    expect(link.code, link.stderr).toBe(0);
    env = { ...isolatedEnv(home), SDC_URL: emulator.url, SDC_ACCOUNT: 'jill', SDC_KEY_ID: key.md5 };
  });
  afterAll(async () => {
    await emulator?.close();
    await root?.remove();
  });

  it('waits for every machine named and reads them all with one ListMachines', async () => {
    const before = emulator.requestCount;
    const run = await runNimbus(
      [
        'smartdc',
        'machine',
        'wait',
        'seed-00000',
        'seed-00001',
        'seed-00002',
        '--state',
        'running',
        '--json',
      ],
      env,
    );
    expect(run.code, run.stderr).toBe(0);
    const machines = JSON.parse(run.stdout) as { name: string; state: string }[];
    expect(machines.map((m) => [m.name, m.state])).toEqual([
      ['seed-00000', 'running'],
      ['seed-00001', 'running'],
      ['seed-00002', 'running'],
    ]);
    // Three name look-ups (ListMachines name=...), then one ListMachines for the three waits.
    expect(emulator.requestCount - before).toBe(4);
  });

  it('fails on the first machine that fails and stops waiting for the others', async () => {
    const triton = createSmartdcClient({
      url: emulator.url,
      account: 'jill',
      keyId: key.md5,
      key: key.privateKeyFile,
    });
    emulator.failNextProvisions(1);
    const image = (await triton.images.resolve('base64')).id;
    const broken = await triton.machines.create({ image, package: 'g4-highcpu-256M' });
    await triton.waitForMachineState(broken.id, 'failed', { minDelayMs: 50 });
    const before = emulator.requestCount;
    const run = await runNimbus(
      [
        'smartdc',
        'machine',
        'wait',
        broken.id,
        'seed-00001',
        '--state',
        'stopped',
        '--wait-timeout',
        '20s',
        '--json',
      ],
      env,
    );
    expect(run.code, run.stderr).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ error: { code: 'WAIT_FAILURE' } });
    // GetMachine for the id, ListMachines name=seed-00001, one ListMachines tick; no polling of
    // seed-00001 (running, never stopped) until the 20 s deadline.
    expect(emulator.requestCount - before).toBe(3);
  });

  it("takes node-triton's -s STATES (and --states), so -s is not --sort here", async () => {
    for (const flag of ['-s', '--states']) {
      const run = await runNimbus(['smartdc', 'instance', 'wait', 'seed-00001', flag, 'running', '-j'], env);
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ name: 'seed-00001', state: 'running' });
    }
    const bad = await runNimbus(['smartdc', 'machine', 'wait', 'seed-00001', '-s', 'name', '-j'], env);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stdout).error.message).toMatch(/unknown state\(s\) name/);
  });

  it('still prints one machine as a single object', async () => {
    const run = await runNimbus(['smartdc', 'machine', 'wait', 'seed-00001', '--json'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ name: 'seed-00001', state: 'running' });
  });

  it('refuses an unknown state before any request', async () => {
    const before = emulator.requestCount;
    const run = await runNimbus(
      ['smartdc', 'machine', 'wait', 'seed-00000', 'seed-00001', '--state', 'runing', '--json'],
      env,
    );
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('unknown state(s) runing');
    expect(emulator.requestCount).toBe(before);
  });
});
