import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNimbus } from '../../../test-support/run-cli.js';
import { createIsolatedHome, type IsolatedHome } from './support/isolated-home.js';

// node-triton users set TRITON_PROFILE; smartdc commands read it as --profile, after -p and
// NIMBUS_PROFILE. A missing profile (exit 4) names the one that was chosen.
let home: IsolatedHome;

beforeAll(async () => {
  home = await createIsolatedHome();
});
afterAll(async () => {
  await home.remove();
});

const profileNamed = (stderr: string) => /No profile named "([^"]+)"/.exec(stderr)?.[1];

describe('TRITON_PROFILE', () => {
  it('selects the profile of smartdc commands', async () => {
    const run = await runNimbus(['smartdc', 'machine', 'list'], {
      ...home.env,
      TRITON_PROFILE: 'from-triton',
    });
    expect(run.code).toBe(4);
    expect(profileNamed(run.stderr)).toBe('from-triton');
  });

  it('gives way to NIMBUS_PROFILE, and both to -p', async () => {
    const env = { ...home.env, TRITON_PROFILE: 'from-triton', NIMBUS_PROFILE: 'from-nimbus' };
    expect(profileNamed((await runNimbus(['smartdc', 'machine', 'list'], env)).stderr)).toBe('from-nimbus');
    const flag = await runNimbus(['smartdc', '-p', 'from-flag', 'machine', 'list'], env);
    expect(profileNamed(flag.stderr)).toBe('from-flag');
  });

  it('is not read by other providers', async () => {
    const run = await runNimbus(['dci', 'topic', 'list'], { ...home.env, TRITON_PROFILE: 'from-triton' });
    expect(profileNamed(run.stderr)).toBeUndefined();
  });
});
