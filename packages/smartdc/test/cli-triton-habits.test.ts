import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createProfileStore } from '@nimbus-sdk/core/provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedEnv } from '../../../test-support/isolated-env.js';
import { runNimbus } from '../../../test-support/run-cli.js';
import { type SmartdcEmulator, startSmartdcEmulator } from '../src/emulator/index.js';
import { createSmartdcClient, type Machine, type SmartdcClient } from '../src/index.js';
import { assertBuilt, smartdcRoot } from './support/nimbus-cli.js';
import { generateKey, type TestKey, tempDir } from './support/ssh-keys.js';

/** node-triton habits of `nimbus smartdc` (issue 10 item 19), through the real CLI against the emulator. */
describe('nimbus smartdc: node-triton habits', () => {
  let emulator: SmartdcEmulator;
  let root: { path: string; remove: () => Promise<void> };
  let key: TestKey;
  let env: NodeJS.ProcessEnv;
  let triton: SmartdcClient;
  let web: Machine;
  let db: Machine;

  beforeAll(async () => {
    assertBuilt();
    root = await tempDir('smartdc-habits-');
    const home = join(root.path, 'home');
    await mkdir(join(home, '.ssh'), { recursive: true, mode: 0o700 });
    key = await generateKey(join(home, '.ssh'), 'id_rsa', 'rsa');
    emulator = await startSmartdcEmulator({
      seed: { login: 'jill' },
      delays: { provisionMs: 20, stopMs: 20, deleteMs: 20 },
    });
    emulator.addKey(key.publicKey);
    triton = createSmartdcClient({
      url: emulator.url,
      account: 'jill',
      keyId: key.md5,
      key: key.privateKeyFile,
    });
    const base = await triton.images.resolve('base64');
    const ubuntu = await triton.images.resolve('ubuntu-16.04');
    const created = [
      await triton.machines.create({
        image: base.id,
        package: 'g4-highcpu-512M',
        name: 'web01',
        tags: { role: 'web' },
      }),
      await triton.machines.create({
        image: ubuntu.id,
        package: 'g4-highcpu-1G',
        name: 'db01',
        tags: { role: 'db' },
      }),
    ];
    for (const m of created) {
      await triton.waitForMachineState(m.id, ['running'], { minDelayMs: 10, maxDelayMs: 20 });
    }
    web = await triton.machines.get(created[0]?.id ?? '');
    db = await triton.machines.get(created[1]?.id ?? '');
    await triton.machines.stop(web.id);
    await triton.waitForMachineState(web.id, ['stopped'], { minDelayMs: 10, maxDelayMs: 20 });
    env = isolatedEnv(home);
    const link = await runNimbus(['plugins', 'link', smartdcRoot, '--no-install'], env);
    expect(link.code, link.stderr).toBe(0);
  });
  afterAll(async () => {
    await emulator?.close();
    await root?.remove();
  });

  const sdc = (extra: NodeJS.ProcessEnv = {}) => ({
    ...env,
    SDC_URL: emulator.url,
    SDC_ACCOUNT: 'jill',
    SDC_KEY_ID: key.md5,
    ...extra,
  });
  const nimbus = (args: readonly string[], vars: NodeJS.ProcessEnv = sdc()) =>
    runNimbus(['smartdc', ...args], vars);
  const names = (stdout: string) => (JSON.parse(stdout) as Machine[]).map((m) => m.name).sort();

  describe('a. short settings flags', () => {
    it('takes -U url -a account -k key id like node-triton', async () => {
      const run = await nimbus(
        ['machine', 'list', '-U', emulator.url, '-a', 'jill', '-k', key.md5, '--json'],
        env,
      );
      expect(run.code, run.stderr).toBe(0);
      expect(names(run.stdout)).toEqual(['db01', 'web01']);
    });
  });

  describe('b. positional list filters', () => {
    it('sends state=, tag.<k>= and name= as ListMachines filters', async () => {
      const byTag = await nimbus(['machine', 'list', 'state=running', 'tag.role=db', '--json']);
      expect(byTag.code, byTag.stderr).toBe(0);
      expect(names(byTag.stdout)).toEqual(['db01']);
      const byName = await nimbus(['instance', 'ls', 'name=web01', '--json']);
      expect(names(byName.stdout)).toEqual(['web01']);
      const stopped = await nimbus(['machine', 'list', 'state=stopped', '--json']);
      expect(names(stopped.stdout)).toEqual(['web01']);
      const mem = await nimbus(['machine', 'list', 'memory=1024', '--json']);
      expect(names(mem.stdout)).toEqual(['db01']);
    });

    it('takes an image name for image=, as node-triton does', async () => {
      const run = await nimbus(['machine', 'list', 'image=ubuntu-16.04', '--json']);
      expect(run.code, run.stderr).toBe(0);
      expect(names(run.stdout)).toEqual(['db01']);
    });

    it.each([
      [['machine', 'list', 'running'], /"running".*key=value/],
      [['machine', 'list', 'colour=red'], /"colour".*state.*tag\.<key>/s],
      [['machine', 'list', 'tag.=x'], /tag\./],
      [['image', 'list', 'flavour=x'], /"flavour".*name/s],
      [['package', 'list', 'size=big'], /"size".*memory/s],
    ])('refuses a bad filter %j with exit 2 saying what to write', async (args, message) => {
      const run = await nimbus(args);
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toMatch(message);
    });

    it('filters images and packages with k=v too', async () => {
      const images = await nimbus(['image', 'list', 'name=ubuntu-16.04', '--json']);
      expect(images.code, images.stderr).toBe(0);
      expect((JSON.parse(images.stdout) as { name: string }[]).map((i) => i.name)).toEqual(['ubuntu-16.04']);
      const packages = await nimbus(['package', 'list', 'memory=512', '--json']);
      expect((JSON.parse(packages.stdout) as { name: string }[]).map((p) => p.name)).toEqual([
        'g4-highcpu-512M',
      ]);
    });
  });

  describe('c. -l/--long, shortid, img and age', () => {
    it('shows shortid, name, img, state and age by default', async () => {
      const run = await nimbus(['machine', 'list', '--sort', 'name']);
      expect(run.code, run.stderr).toBe(0);
      const [header, first] = run.stdout.split('\n');
      expect(header?.split(/\s+/)).toEqual(['SHORTID', 'NAME', 'IMG', 'STATE', 'AGE']);
      expect(first).toMatch(
        new RegExp(`^${db.id.slice(0, 8)}\\s+db01\\s+ubuntu-16.04@20170403\\s+running\\s+\\d+s$`),
      );
    });

    it('shows the long columns with -l', async () => {
      const run = await nimbus(['machine', 'list', '-l', '--sort', 'name']);
      expect(run.code, run.stderr).toBe(0);
      const [header, first] = run.stdout.split('\n');
      expect(header?.split(/\s+/)).toEqual([
        'ID',
        'NAME',
        'IMG',
        'PACKAGE',
        'STATE',
        'FLAGS',
        'PRIMARYIP',
        'CREATED',
      ]);
      expect(first).toContain(db.id);
      expect(first).toContain(db.primaryIp ?? 'no ip');
    });

    it('picks derived columns with --columns', async () => {
      const run = await nimbus([
        'machine',
        'list',
        '--columns',
        'name,img,age',
        '--no-header',
        '--sort',
        'name',
      ]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout.split('\n')[1]).toMatch(/^web01\s+base64@14\.10\.0\s+\d+s$/);
    });

    it('accepts an id prefix for a package, and refuses an ambiguous one', async () => {
      const run = await nimbus(['package', 'show', 'a3f1b2c4-0000-4000-8000-00000000102', '--json']);
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ name: 'g4-highcpu-1G' });
      // Every seeded package id starts with a3f1b2c4: the short id names four of them.
      const ambiguous = await nimbus(['package', 'get', 'a3f1b2c4']);
      expect(ambiguous.code).toBe(2);
      expect(ambiguous.stderr).toMatch(/ambiguous package id prefix/);
    });

    it('accepts a short id wherever a machine id goes', async () => {
      const run = await nimbus(['instance', 'get', web.id.slice(0, 8), '--json']);
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ id: web.id, name: 'web01' });
    });
  });

  describe('d. instance shortcuts, ip and ssh', () => {
    it('prints the primary IP', async () => {
      const run = await nimbus(['instance', 'ip', 'db01']);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toBe(`${db.primaryIp}\n`);
    });

    it('says so (exit 5) when a machine has no IP yet, and prints nothing on stdout', async () => {
      const { image, package: pkg } = db;
      emulator.state.machines.insertRunning({
        ...db,
        id: '0b0b0b0b-0000-4000-8000-000000000001',
        name: 'noip01',
        image,
        package: pkg,
        ips: [],
        primaryIp: null,
        tags: {},
        metadata: {},
      });
      const run = await nimbus(['machine', 'ip', 'noip01']);
      expect(run.code).toBe(5);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/noip01 has no primary IP.*machine wait noip01/);
      await triton.machines.delete('0b0b0b0b-0000-4000-8000-000000000001');
    });

    describe('ssh', () => {
      let fakeBin: string;
      beforeAll(async () => {
        fakeBin = join(root.path, 'bin');
        await mkdir(fakeBin);
        const fake = join(fakeBin, 'ssh');
        await writeFile(
          fake,
          '#!/bin/sh\nfor a in "$@"; do printf "%s\\n" "$a"; done\nexit "$FAKE_SSH_EXIT"\n',
        );
        await chmod(fake, 0o755);
      });
      const withFakeSsh = (extra: NodeJS.ProcessEnv = {}) =>
        sdc({ PATH: `${fakeBin}:${env.PATH}`, FAKE_SSH_EXIT: '0', ...extra });

      it("execs ssh as the image's default_user with the args after --", async () => {
        const run = await nimbus(
          ['instance', 'ssh', 'db01', '--', 'uname', '-a', '; rm -rf /'],
          withFakeSsh(),
        );
        expect(run.code, run.stderr).toBe(0);
        expect(run.stdout.split('\n').filter(Boolean)).toEqual([
          `ubuntu@${db.primaryIp}`,
          'uname',
          '-a',
          '; rm -rf /',
        ]);
      });

      it('logs in as root when the image names no default user, or as -l user', async () => {
        const root = await nimbus(['machine', 'ssh', 'web01'], withFakeSsh());
        expect(root.stdout.split('\n').filter(Boolean)).toEqual([`root@${web.primaryIp}`]);
        const admin = await nimbus(['machine', 'ssh', 'db01', '-l', 'admin', '--', '-A'], withFakeSsh());
        expect(admin.stdout.split('\n').filter(Boolean)).toEqual([`admin@${db.primaryIp}`, '-A']);
      });

      it("exits with ssh's own exit code", async () => {
        const run = await nimbus(
          ['machine', 'ssh', 'db01', '--', 'false'],
          withFakeSsh({ FAKE_SSH_EXIT: '7' }),
        );
        expect(run.code).toBe(7);
      });
    });
  });

  describe('e. deletion protection', () => {
    it('creates a protected machine, refuses to delete it, and deletes it once unprotected', async () => {
      const create = await nimbus([
        'machine',
        'create',
        'base64',
        'g4-highcpu-256M',
        '--name',
        'keep01',
        '--deletion-protection',
        '--wait',
        '--json',
      ]);
      expect(create.code, create.stderr).toBe(0);
      expect(JSON.parse(create.stdout)).toMatchObject({ name: 'keep01', deletion_protection: true });

      const refused = await nimbus(['machine', 'delete', 'keep01']);
      expect(refused.code).toBe(5);
      expect(refused.stderr).toMatch(/deletion.protection/i);
      expect(refused.stderr).toMatch(/disable-deletion-protection keep01/);
      expect((await triton.machines.get(JSON.parse(create.stdout).id)).state).toBe('running');

      const off = await nimbus(['instance', 'disable-deletion-protection', 'keep01', '--json']);
      expect(off.code, off.stderr).toBe(0);
      expect(JSON.parse(off.stdout)).toMatchObject({ deletion_protection: false });
      const on = await nimbus(['machine', 'enable-deletion-protection', 'keep01', '--json']);
      expect(JSON.parse(on.stdout)).toMatchObject({ deletion_protection: true });
      await nimbus(['machine', 'disable-deletion-protection', 'keep01']);
      const gone = await nimbus(['machine', 'delete', 'keep01', '--wait', '--json']);
      expect(gone.code, gone.stderr).toBe(0);
      expect(JSON.parse(gone.stdout)).toMatchObject({ state: 'deleted' });
    });
  });

  describe('f. tag replace-all', () => {
    it('replaces every tag of a machine', async () => {
      const run = await nimbus(['machine', 'tag', 'replace-all', 'web01', 'tier=front', 'zone=a', '--json']);
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toEqual({ tier: 'front', zone: 'a' });
      expect(await triton.tags.list(web.id)).toEqual({ tier: 'front', zone: 'a' });
      const bad = await nimbus(['instance', 'tag', 'replace-all', 'web01', 'oops']);
      expect(bad.code).toBe(2);
      expect(await triton.tags.list(web.id)).toEqual({ tier: 'front', zone: 'a' });
    });
  });

  describe('g. network get', () => {
    it('shows a network by name, id or short id', async () => {
      const networks = await triton.networks.list();
      const pub = networks.find((n) => n.public) as { id: string; name: string };
      for (const ref of [pub.name, pub.id, pub.id.slice(0, 8)]) {
        const run = await nimbus(['network', 'get', ref, '--json']);
        expect(run.code, `${ref}: ${run.stderr}`).toBe(0);
        expect(JSON.parse(run.stdout)).toMatchObject({ id: pub.id, name: pub.name });
      }
      const table = await nimbus(['network', 'list', '--sort', 'name']);
      expect(table.stdout.split('\n')[0]?.split(/\s+/)).toEqual([
        'SHORTID',
        'NAME',
        'SUBNET',
        'PUBLIC',
        'FABRIC',
      ]);
      const long = await nimbus(['network', 'list', '-l', '--no-header', '--columns', 'id,name']);
      expect(long.stdout).toContain(`${pub.id}  ${pub.name}`);
      const missing = await nimbus(['network', 'show', 'nowhere', '--json']);
      expect(missing.code).toBe(4);
    });
  });

  describe('h. create --dry-run', () => {
    it('resolves names and prints the request without sending it', async () => {
      const before = emulator.requests.length;
      const run = await nimbus([
        'machine',
        'create',
        'ubuntu-16.04',
        'g4-highcpu-512M',
        '--name',
        'dry01',
        '-N',
        'Joyent-SDC-Private',
        '-t',
        'role=dry',
        '--dry-run',
        '--json',
      ]);
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({
        dryRun: true,
        request: {
          image: '7b5981c4-1889-11e7-b4c5-3f3bdfc9b88b',
          package: 'a3f1b2c4-0000-4000-8000-000000000512',
          name: 'dry01',
          networks: ['5983940e-58a5-4543-b732-c689b1fe4c08'],
          'tag.role': 'dry',
        },
      });
      const sent = emulator.requests.slice(before);
      expect(sent.length).toBeGreaterThan(0);
      expect(sent.filter((r) => r.method !== 'GET' && r.method !== 'HEAD')).toEqual([]);
      expect((await triton.machines.list({ name: 'dry01' }).toArray()).length).toBe(0);
    });

    it('fails on an unknown package before sending anything', async () => {
      const before = emulator.requests.length;
      const run = await nimbus(['machine', 'create', 'base64', 'nope-pkg', '--dry-run']);
      expect(run.code).toBe(4);
      expect(run.stderr).toMatch(/nope-pkg/);
      expect(emulator.requests.slice(before).filter((r) => r.method === 'POST')).toEqual([]);
    });
  });

  describe('i. env', () => {
    it('prints shell-quoted exports for TRITON_* and SDC_*, from a named profile', async () => {
      const store = createProfileStore({ dir: join(env.XDG_CONFIG_HOME as string, 'nimbus') });
      await store.put('odd', {
        smartdc: { url: emulator.url, account: "o'brien", keyId: key.md5, keyFile: '/keys/my key' },
      });
      const run = await nimbus(['env', '--profile', 'odd'], env);
      expect(run.code, run.stderr).toBe(0);
      const lines = run.stdout.split('\n').filter(Boolean);
      expect(lines).toContain(`export TRITON_URL=${emulator.url}`);
      expect(lines).toContain(`export SDC_ACCOUNT='o'\\''brien'`);
      expect(lines).toContain(`export TRITON_KEY_ID=${key.md5}`);
      expect(lines).toContain(`export SDC_KEY_ID=${key.md5}`);
      expect(lines).toContain(`export TRITON_KEY_FILE='/keys/my key'`);
      expect(lines).toContain('unset SDC_USER');
      expect(lines).toContain('export TRITON_PROFILE=odd');
    });

    it('refuses two different profile names', async () => {
      const run = await nimbus(['env', 'odd', '--profile', 'other'], env);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/"odd".*"other"/);
    });

    it('prints unset lines with --unset, and the values with the short flags', async () => {
      const unset = await nimbus(['env', '--unset'], env);
      expect(unset.code, unset.stderr).toBe(0);
      expect(unset.stdout).toContain('unset SDC_URL\n');
      expect(unset.stdout).not.toContain('export');
      const flags = await nimbus(['env', '-U', emulator.url, '-a', 'jill', '-k', key.md5, '--json'], env);
      expect(flags.code, flags.stderr).toBe(0);
      expect(JSON.parse(flags.stdout)).toMatchObject({ SDC_URL: emulator.url, TRITON_ACCOUNT: 'jill' });
    });
  });
});
