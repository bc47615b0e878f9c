import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNimbus } from '../../../test-support/run-cli.js';
import { createIsolatedHome, type IsolatedHome } from './support/isolated-home.js';
import { processesWithHome } from './support/leftover-processes.js';

let home: IsolatedHome;

beforeAll(async () => {
  home = await createIsolatedHome();
  const link = await runNimbus(['plugins', 'link', home.helloPluginDir, '--no-install'], home.env);
  expect(link.code, link.stderr).toBe(0);
});
afterAll(async () => {
  // Whatever a failed assertion left running must not outlive the test.
  await runNimbus(['sandbox', 'down'], home.env);
  await home.remove();
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** The sandbox process is not our child, so it is reaped elsewhere; give it a moment to vanish. */
async function gone(pid: number): Promise<boolean> {
  for (let i = 0; i < 100 && isAlive(pid); i++) await delay(50);
  return !isAlive(pid);
}

describe('nimbus sandbox with a linked provider plugin', () => {
  it('rejects an unknown --provider before starting anything', async () => {
    const up = await runNimbus(['sandbox', 'up', '--detach', '--provider', 'nope'], home.env);
    expect(up.code).toBe(2);
    expect(up.stderr).toMatch(/^Error: Unknown provider nope \(installed: .*hello.*\)\n$/);
    expect(await exists(join(home.configDir, 'sandbox', 'state.json'))).toBe(false);
  });

  it('up --detach starts the emulator, a provider command uses it, down leaves no process behind', async () => {
    const up = await runNimbus(
      ['sandbox', 'up', '--detach', '--no-s3', '--provider', 'hello', '--json'],
      home.env,
    );
    expect(up.code, up.stderr).toBe(0);
    const state = JSON.parse(up.stdout);
    expect(state).toMatchObject({ status: 'ready', profile: 'sandbox', pid: expect.any(Number) });
    expect(state.services).toEqual([
      {
        name: 'hello',
        title: 'Greetings (test provider)',
        url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
        env: {},
      },
    ]);
    expect(isAlive(state.pid)).toBe(true);

    const status = await runNimbus(['sandbox', 'status', '--json'], home.env);
    expect(JSON.parse(status.stdout)).toMatchObject({ running: true, pid: state.pid });

    // With no other profile, the sandbox profile became the active one: the CLI works out of the box.
    const list = await runNimbus(['hello', 'greeting', 'list', '--json'], home.env);
    expect(list.code, list.stderr).toBe(0);
    expect(JSON.parse(list.stdout)).toHaveLength(3);

    const show = await runNimbus(['profile', 'show', 'sandbox', '--json'], home.env);
    expect(JSON.parse(show.stdout).sections.hello).toEqual({ url: state.services[0].url, token: '********' });

    const second = await runNimbus(['sandbox', 'up', '--detach', '--no-s3'], home.env);
    expect(second.code).toBe(5);
    expect(second.stderr).toContain(`A sandbox is already running (pid ${state.pid})`);

    const down = await runNimbus(['sandbox', 'down'], home.env);
    expect(down.code, down.stderr).toBe(0);
    expect(down.stdout).toBe(`Sandbox (pid ${state.pid}) stopped\n`);
    expect(await gone(state.pid)).toBe(true);
    expect(await processesWithHome(home.env.HOME as string)).toEqual([]);
    expect(await exists(join(home.configDir, 'sandbox', 'state.json'))).toBe(false);
    // The sandbox handed back the active profile; named, its profile says the sandbox is not running.
    const after = await runNimbus(['hello', 'greeting', 'list', '--profile', 'sandbox'], home.env);
    expect(after.code).toBe(1);
    expect(after.stderr).toMatch(/^Error: The sandbox is not running .*127\.0\.0\.1/);

    const again = await runNimbus(['sandbox', 'down', '--json'], home.env);
    expect(JSON.parse(again.stdout)).toEqual({ stopped: false, killed: false });
  });

  it('demo starts a sandbox, runs every demo step as a real CLI call, and stops it again', async () => {
    const demo = await runNimbus(['sandbox', 'demo', '--provider', 'hello', '--no-s3'], home.env);
    expect(demo.code, demo.stderr).toBe(0);
    expect(demo.stdout).toContain('$ nimbus hello greeting list --profile sandbox');
    expect(demo.stdout).toMatch(/g2 +bonjour +fr/);
    expect(demo.stdout).toContain('$ nimbus hello greeting get g2 --profile sandbox');
    expect(demo.stdout).toContain('All 2 demo steps succeeded');
    expect(demo.stdout).toContain('Stopped the demo sandbox');
    const status = await runNimbus(['sandbox', 'status', '--json'], home.env);
    expect(JSON.parse(status.stdout)).toEqual({ running: false });
    expect(await processesWithHome(home.env.HOME as string)).toEqual([]);
  });
});
