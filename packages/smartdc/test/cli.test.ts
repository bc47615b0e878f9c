import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedEnv } from '../../../test-support/isolated-env.js';
import { runNimbus } from '../../../test-support/run-cli.js';
import { type SmartdcEmulator, startSmartdcEmulator } from '../src/emulator/index.js';
import plugin from '../src/nimbus-plugin.js';
import { assertBuilt, smartdcRoot } from './support/nimbus-cli.js';
import { type RunningAgent, startSshAgent } from './support/ssh-agent.js';
import { generateKey, type TestKey, tempDir } from './support/ssh-keys.js';

describe('nimbus smartdc (the real CLI with this package linked as a plugin)', () => {
  let emulator: SmartdcEmulator;
  let root: { path: string; remove: () => Promise<void> };
  let agent: RunningAgent;
  let homeKey: TestKey;
  let agentKey: TestKey;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    assertBuilt();
    root = await tempDir('smartdc-cli-');
    const home = join(root.path, 'home');
    await mkdir(join(home, '.ssh'), { recursive: true, mode: 0o700 });
    homeKey = await generateKey(join(home, '.ssh'), 'id_rsa', 'rsa');
    agentKey = await generateKey(root.path, 'agent_ecdsa', 'ecdsa');
    agent = await startSshAgent(root.path);
    await agent.add(agentKey.privateKeyFile);
    emulator = await startSmartdcEmulator({
      seed: { login: 'jill', machines: 3 },
      delays: { provisionMs: 100, stopMs: 100, deleteMs: 100 },
    });
    emulator.addKey(homeKey.publicKey);
    emulator.addKey(agentKey.publicKey);
    env = isolatedEnv(home);
    const link = await runNimbus(['plugins', 'link', smartdcRoot, '--no-install'], env);
    expect(link.code, link.stderr).toBe(0);
  });
  afterAll(async () => {
    await emulator?.close();
    await agent?.stop();
    await root?.remove();
  });

  const sdc = (keyId: string, extra: NodeJS.ProcessEnv = {}) => ({
    ...env,
    SDC_URL: emulator.url,
    SDC_ACCOUNT: 'jill',
    SDC_KEY_ID: keyId,
    ...extra,
  });

  it('lists machines as JSON with SDC_* variables and the key found in ~/.ssh', async () => {
    const run = await runNimbus(['smartdc', 'machine', 'list', '--json'], sdc(homeKey.md5));
    expect(run.code, run.stderr).toBe(0);
    const machines = JSON.parse(run.stdout) as { name: string; state: string }[];
    expect(machines.map((m) => m.name).sort()).toEqual(['seed-00000', 'seed-00001', 'seed-00002']);
  });

  it('lists machines with the key held only by ssh-agent (SHA256 fingerprint, TRITON_* names)', async () => {
    const run = await runNimbus(['smartdc', 'instance', 'list', '--json'], {
      ...env,
      TRITON_URL: emulator.url,
      TRITON_ACCOUNT: 'jill',
      TRITON_KEY_ID: agentKey.sha256,
      SSH_AUTH_SOCK: agent.socketPath,
    });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toHaveLength(3);
  });

  it('runs the generated machine actions (start, stop, firewall switches) with --wait', async () => {
    const vars = sdc(homeKey.md5);
    const run = async (args: string[]) => {
      const result = await runNimbus(['smartdc', ...args, 'seed-00001', '--json'], vars);
      expect(result.code, result.stderr).toBe(0);
      return JSON.parse(result.stdout) as { name: string; state: string; firewall_enabled: boolean };
    };
    expect(await run(['machine', 'enable-firewall', '--wait'])).toMatchObject({ firewall_enabled: true });
    expect(await run(['instance', 'disable-firewall', '--wait'])).toMatchObject({ firewall_enabled: false });
    expect(await run(['machine', 'stop', '--wait'])).toMatchObject({ name: 'seed-00001', state: 'stopped' });
    expect(await run(['machine', 'start', '--wait'])).toMatchObject({ name: 'seed-00001', state: 'running' });
  });

  it('creates, stops and deletes a machine with --wait, printing JSON', async () => {
    const vars = sdc(homeKey.md5);
    const create = await runNimbus(
      [
        'smartdc',
        'machine',
        'create',
        'sdc:sdc:base64:',
        'g4-highcpu-512M',
        '--name',
        'web-1',
        '-t',
        'role=web',
        '--wait',
        '--json',
      ],
      vars,
    );
    expect(create.code, create.stderr).toBe(0);
    expect(JSON.parse(create.stdout)).toMatchObject({
      name: 'web-1',
      state: 'running',
      tags: { role: 'web' },
    });

    const stop = await runNimbus(['smartdc', 'instance', 'stop', 'web-1', '--wait', '--json'], vars);
    expect(stop.code, stop.stderr).toBe(0);
    expect(JSON.parse(stop.stdout)).toMatchObject({ name: 'web-1', state: 'stopped' });

    const tag = await runNimbus(['smartdc', 'machine', 'tag', 'set', 'web-1', 'env=prod', '--json'], vars);
    expect(JSON.parse(tag.stdout)).toEqual({ role: 'web', env: 'prod' });

    const resize = await runNimbus(
      ['smartdc', 'machine', 'resize', 'web-1', 'g4-highcpu-1G', '--wait', '--json'],
      vars,
    );
    expect(resize.code, resize.stderr).toBe(0);
    expect(JSON.parse(resize.stdout)).toMatchObject({ package: 'g4-highcpu-1G', memory: 1024 });

    const rename = await runNimbus(
      ['smartdc', 'machine', 'rename', 'web-1', 'web-2', '--wait', '--json'],
      vars,
    );
    expect(rename.code, rename.stderr).toBe(0);
    expect(JSON.parse(rename.stdout)).toMatchObject({ name: 'web-2' });

    const gone = await runNimbus(['smartdc', 'machine', 'delete', 'web-2', '--wait', '--json'], vars);
    expect(gone.code, gone.stderr).toBe(0);
    expect(JSON.parse(gone.stdout)).toMatchObject({ name: 'web-2', state: 'deleted' });
  });

  it('traces requests with --debug without the signature', async () => {
    const run = await runNimbus(['smartdc', 'account', 'get', '--debug', '--json'], sdc(homeKey.md5));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('/jill');
    expect(run.stderr.toLowerCase()).not.toMatch(/signature="[a-z0-9+/=]{20,}/);
    expect(run.stderr).not.toContain('PRIVATE KEY');
  });

  it('prints tables without --json', async () => {
    const run = await runNimbus(['smartdc', 'package', 'list', '--columns', 'name,memory'], sdc(homeKey.md5));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/g4-highcpu-512M\s+512/);
  });

  it.each([
    [
      'an unknown machine',
      ['smartdc', 'machine', 'get', 'nope', '--json'],
      (): string => homeKey.md5,
      4,
      'NOT_FOUND',
    ],
    [
      'a malformed key id',
      ['smartdc', 'account', 'get', '--json'],
      (): string => 'not-a-fingerprint',
      2,
      // Refused with the settings (the keyId's kind), before the client is built.
      'CONFIG',
    ],
    [
      'a key that is nowhere',
      ['smartdc', 'account', 'get', '--json'],
      (): string => '00:11:22:33:44:55:66:77:88:99:aa:bb:cc:dd:ee:ff',
      3,
      'SIGNING',
    ],
    [
      'an unreadable key file',
      ['smartdc', 'account', 'get', '--json', '--key-file', '/nonexistent/nimbus-test-key'],
      (): string => homeKey.md5,
      2,
      'CONFIG',
    ],
  ] as const)('exits with the documented code for %s', async (_what, args, keyId, code, errorCode) => {
    const run = await runNimbus(args, sdc(keyId()));
    expect(run.code, run.stderr + run.stdout).toBe(code);
    expect(JSON.parse(run.stdout)).toMatchObject({ error: { code: errorCode } });
  });

  it('exits 3 when the server rejects the signature', async () => {
    const stranger = await generateKey(join(root.path, 'home', '.ssh'), 'id_stranger', 'rsa');
    const run = await runNimbus(['smartdc', 'account', 'get', '--json'], sdc(stranger.md5));
    expect(run.code, run.stderr).toBe(3);
    expect(JSON.parse(run.stdout)).toMatchObject({ error: { code: 'AUTHENTICATION', status: 401 } });
  });

  it('exits 2 naming the variables when settings are missing', async () => {
    const run = await runNimbus(['smartdc', 'machine', 'list'], { ...env, SDC_URL: emulator.url });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/SDC_ACCOUNT|account/);
  });

  it('runs every sandbox demo step against a sandbox the plugin started', async () => {
    const sandbox = await plugin.startSandbox({ stateDir: root.path });
    try {
      const { url, account, keyId, keyFile } = sandbox.profile;
      const vars = {
        ...env,
        SDC_URL: url,
        SDC_ACCOUNT: account,
        SDC_KEY_ID: keyId,
        TRITON_KEY_FILE: keyFile,
      };
      for (const step of plugin.demo) {
        const run = await runNimbus([...step.argv, '--json'], vars);
        expect(run.code, `${step.title}: ${run.stderr}`).toBe(0);
      }
    } finally {
      await sandbox.close();
    }
  });

  it('exits 6 when a wait times out', async () => {
    const run = await runNimbus(
      ['smartdc', 'machine', 'wait', 'seed-00000', '--state', 'stopped', '--wait-timeout', '1s', '--json'],
      sdc(homeKey.md5),
    );
    expect(run.code, run.stderr).toBe(6);
    expect(JSON.parse(run.stdout)).toMatchObject({ error: { code: 'WAIT_TIMEOUT' } });
  });
});
