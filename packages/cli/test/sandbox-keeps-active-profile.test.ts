import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNimbus } from '../../../test-support/run-cli.js';
import { createIsolatedHome, type IsolatedHome } from './support/isolated-home.js';

// The sandbox takes the active-profile choice only when nobody made one (sandbox-down.test.ts
// covers that case): a user's active profile stays active through `sandbox up` and `sandbox down`,
// so neither leaves the user on a profile they did not choose, or on a dead one.
let home: IsolatedHome;

beforeAll(async () => {
  home = await createIsolatedHome();
});
afterAll(async () => {
  await runNimbus(['sandbox', 'down'], home.env);
  await home?.remove();
});

const activeProfile = async (): Promise<string | undefined> => {
  const list = await runNimbus(['profile', 'list', '--json'], home.env);
  expect(list.code, list.stderr).toBe(0);
  const profiles = JSON.parse(list.stdout) as { name: string; active: boolean }[];
  return profiles.find((p) => p.active)?.name;
};

describe('sandbox up and down with a profile already active', () => {
  it('leaves the active profile active, and says the sandbox profile was not activated', async () => {
    expect((await runNimbus(['profile', 'create', 'work', '--use'], home.env)).code).toBe(0);

    const up = await runNimbus(
      ['sandbox', 'up', '--detach', '--no-s3', '--provider', 'dci', '--json'],
      home.env,
    );
    expect(up.code, up.stderr).toBe(0);
    const started = JSON.parse(up.stdout) as { profile: string; activatedProfile?: boolean };
    expect(started.profile).toBe('sandbox');
    expect(started.activatedProfile).toBeFalsy();
    expect(await activeProfile()).toBe('work');
    // The sandbox is still reachable by name.
    const list = await runNimbus(['dci', 'topic', 'list', '--profile', 'sandbox', '--json'], home.env);
    expect(list.code, list.stderr).toBe(0);

    const down = await runNimbus(['sandbox', 'down'], home.env);
    expect(down.code, down.stderr).toBe(0);
    expect(await activeProfile()).toBe('work');
  });
});
