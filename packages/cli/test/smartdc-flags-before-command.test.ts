import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNimbus } from '../../../test-support/run-cli.js';
import { createIsolatedHome, type IsolatedHome } from './support/isolated-home.js';

// `triton -p prod ls` habits: a flag typed between `smartdc` and its command runs the command
// (or fails as the command would), never the topic's help with exit 0. command-grammar.test.ts
// covers dci; this is the smartdc example of the issue, `nimbus smartdc --profile x machine list`.
let home: IsolatedHome;

beforeAll(async () => {
  home = await createIsolatedHome();
  const up = await runNimbus(['sandbox', 'up', '--detach', '--no-s3', '--provider', 'smartdc'], home.env);
  expect(up.code, up.stderr).toBe(0);
  // A second, active profile, so only the --profile typed before the command can pick the sandbox.
  expect((await runNimbus(['profile', 'create', 'other', '--use'], home.env)).code).toBe(0);
});
afterAll(async () => {
  await runNimbus(['sandbox', 'down'], home.env);
  await home?.remove();
});

describe('smartdc flags before the subcommand', () => {
  it('runs `smartdc --profile sandbox --json machine list` on the named profile', async () => {
    const before = await runNimbus(
      ['smartdc', '--profile', 'sandbox', '--json', 'machine', 'list'],
      home.env,
    );
    const after = await runNimbus(['smartdc', 'machine', 'list', '--profile', 'sandbox', '--json'], home.env);
    expect(before.code, before.stderr).toBe(0);
    expect(Array.isArray(JSON.parse(before.stdout))).toBe(true);
    expect(before.stdout).toBe(after.stdout);
  });

  it('fails `smartdc --profile ghost machine list` as the command would: exit 4, not help', async () => {
    const run = await runNimbus(['smartdc', '--profile', 'ghost', 'machine', 'list'], home.env);
    expect(run.code).toBe(4);
    expect(run.stdout).not.toContain('USAGE');
    expect(run.stderr).toBe('Error: No profile named "ghost" (see `nimbus profile list`)\n');
  });

  it('fails an unknown flag before the command with exit 2 and prints no help', async () => {
    const run = await runNimbus(['smartdc', '--bogus', 'machine', 'list'], home.env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--bogus');
    expect(run.stdout).toBe('');
  });
});
