import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedEnv } from '../../../test-support/isolated-env.js';
import { runNimbus } from '../../../test-support/run-cli.js';

// Topic help describes each topic, not whichever of its commands oclif found first.
let home: string;
beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'nimbus-smartdc-help-'));
});
afterAll(async () => {
  await rm(home, { recursive: true, force: true });
});

describe('smartdc help', () => {
  it('describes its topics as topics', async () => {
    const top = await runNimbus(['smartdc', '--help'], isolatedEnv(home));
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/^ {2}smartdc machine +Machines \(instances\): create, start, stop/m);
    expect(top.stdout).toMatch(/^ {2}smartdc fwrule +Cloud firewall rules/m);
    const machine = await runNimbus(['smartdc', 'machine', '--help'], isolatedEnv(home));
    expect(machine.stdout).toMatch(/^ {2}smartdc machine snapshot +Snapshots of a machine/m);
  });

  it("answers node-triton's instance topic with the machine commands under their triton names", async () => {
    const instance = await runNimbus(['smartdc', 'instance', '--help'], isolatedEnv(home));
    expect(instance.code, instance.stderr).toBe(0);
    for (const verb of ['ls', 'ip', 'ssh', 'create', 'delete', 'enable-deletion-protection']) {
      expect(instance.stdout).toMatch(new RegExp(`^ {2}smartdc instance ${verb} `, 'm'));
    }
  });

  it('reads one item with show, as dci does, and keeps get as its alias', async () => {
    for (const noun of [['machine'], ['image'], ['machine', 'tag']]) {
      const show = await runNimbus(['smartdc', ...noun, 'show', '--help'], isolatedEnv(home));
      const get = await runNimbus(['smartdc', ...noun, 'get', '--help'], isolatedEnv(home));
      expect(show.code, show.stderr).toBe(0);
      // The same command; oclif's usage line repeats the name it was called by.
      expect(get.stdout.replace(' get ', ' show ')).toBe(show.stdout);
      expect(show.stdout).toContain(`$ nimbus smartdc ${noun.join(' ')} show`);
    }
    const dci = await runNimbus(['dci', 'topic', 'get', '--help'], isolatedEnv(home));
    expect(dci.code).toBe(0);
    expect(dci.stdout).toContain('Show one topic');
  });
});
