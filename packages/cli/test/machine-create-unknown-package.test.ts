import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNimbus } from '../../../test-support/run-cli.js';
import { createIsolatedHome, type IsolatedHome } from './support/isolated-home.js';

// CloudAPI refuses a package it does not know with 409 InvalidArgument ("<x> is not a valid
// package"); for a user that is a name that matches nothing, exit 4 as for an unknown image, not the
// conflict (5) the status alone would say.
let home: IsolatedHome;

beforeAll(async () => {
  home = await createIsolatedHome();
  const up = await runNimbus(['sandbox', 'up', '--detach', '--no-s3', '--provider', 'smartdc'], home.env);
  expect(up.code, up.stderr).toBe(0);
});
afterAll(async () => {
  await runNimbus(['sandbox', 'down'], home.env);
  await home?.remove();
});

describe('smartdc machine create with a name that matches nothing', () => {
  it('exits 4 with NOT_FOUND for an unknown package, as for an unknown image', async () => {
    const machines = async () => {
      const list = await runNimbus(['smartdc', 'machine', 'list', '--json'], home.env);
      expect(list.code, list.stderr).toBe(0);
      return (JSON.parse(list.stdout) as unknown[]).length;
    };
    const before = await machines();
    const pkg = await runNimbus(
      ['smartdc', 'machine', 'create', 'base64', 'nosuch-package', '--json'],
      home.env,
    );
    expect(pkg.code, pkg.stdout).toBe(4);
    expect(JSON.parse(pkg.stdout).error.code).toBe('NOT_FOUND');
    expect(JSON.parse(pkg.stdout).error.message).toContain('nosuch-package');

    const image = await runNimbus(
      ['smartdc', 'machine', 'create', 'nosuch-image', 'g4-highcpu-512M'],
      home.env,
    );
    expect(image.code).toBe(4);

    // Nothing was created by either refusal.
    expect(await machines()).toBe(before);
  });

  it('keeps a real conflict a conflict: a second snapshot with a taken name is 5', async () => {
    const created = await runNimbus(
      ['smartdc', 'machine', 'create', 'base64', 'g4-highcpu-512M', '--name', 'snap-1', '--wait', '--json'],
      home.env,
    );
    expect(created.code, created.stderr).toBe(0);
    const first = await runNimbus(
      ['smartdc', 'machine', 'snapshot', 'create', 'snap-1', '--name', 's1'],
      home.env,
    );
    expect(first.code, first.stderr).toBe(0);
    const second = await runNimbus(
      ['smartdc', 'machine', 'snapshot', 'create', 'snap-1', '--name', 's1', '--json'],
      home.env,
    );
    expect(second.code, second.stdout).toBe(5);
    expect(JSON.parse(second.stdout).error.code).toBe('CONFLICT');
  });
});
