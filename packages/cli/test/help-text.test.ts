import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNimbus } from '../../../test-support/run-cli.js';
import { createIsolatedHome, type IsolatedHome } from './support/isolated-home.js';

// Help says where profiles live (XDG_CONFIG_HOME first) and offers no flag that does nothing.
let home: IsolatedHome;

beforeAll(async () => {
  home = await createIsolatedHome();
});
afterAll(async () => {
  await home.remove();
});

describe('help text', () => {
  it('names the config directory rule, XDG_CONFIG_HOME first, in the profile topic', async () => {
    const run = await runNimbus(['--help'], home.env);
    expect(run.stdout).toMatch(
      // Help wraps the line: match across the break.
      /profile +Manage named environments[\s\S]*?\$XDG_CONFIG_HOME\/nimbus,\s+else\s+~\/\.config\/nimbus/,
    );
  });

  it.each([
    ['profile', 'create'],
    ['profile', 'edit'],
    ['sandbox', 'up'],
  ])('%s %s --help lists no --profile but the output flags', async (...argv) => {
    const run = await runNimbus([...argv, '--help'], home.env);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('--profile');
    expect(run.stdout).toMatch(/--format=<option>/);
    expect(run.stdout).toContain('-H, --no-header');
  });

  it('profile show --help keeps -p, --profile (it names the profile to show)', async () => {
    const run = await runNimbus(['profile', 'show', '--help'], home.env);
    expect(run.stdout).toMatch(/-p, --profile=<value>/);
  });
});
