import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNimbus } from '../../../test-support/run-cli.js';
import { createIsolatedHome, type IsolatedHome } from './support/isolated-home.js';

// After `sandbox down` nothing is left pointing at emulators that are gone: the profile the sandbox
// activated is active no more, and using it anyway says the sandbox is not running.
let home: IsolatedHome;

beforeAll(async () => {
  home = await createIsolatedHome();
});
afterAll(async () => {
  await runNimbus(['sandbox', 'down'], home.env);
  await home.remove();
});

const activeProfile = async (): Promise<string | undefined> => {
  const list = await runNimbus(['profile', 'list', '--json'], home.env);
  const profiles = JSON.parse(list.stdout) as { name: string; active: boolean }[];
  return profiles.find((p) => p.active)?.name;
};

describe('sandbox down', () => {
  it('hands back the active profile it took, and a command on the sandbox profile says it is not running', async () => {
    const up = await runNimbus(['sandbox', 'up', '--detach', '--no-s3', '--provider', 'dci'], home.env);
    expect(up.code, up.stderr).toBe(0);
    expect(await activeProfile()).toBe('sandbox');
    expect((await runNimbus(['dci', 'topic', 'list', '--json'], home.env)).code).toBe(0);

    const down = await runNimbus(['sandbox', 'down'], home.env);
    expect(down.code, down.stderr).toBe(0);
    expect(await activeProfile()).toBeUndefined();

    const after = await runNimbus(['dci', 'topic', 'list', '--profile', 'sandbox'], home.env);
    expect(after.code).toBe(1);
    expect(after.stderr).toMatch(
      /^Error: The sandbox is not running \(start it with `nimbus sandbox up --detach`\): /,
    );
  });

  it('leaves a profile chosen while the sandbox ran active', async () => {
    await runNimbus(['profile', 'create', 'mine'], home.env);
    const up = await runNimbus(['sandbox', 'up', '--detach', '--no-s3', '--provider', 'dci'], home.env);
    expect(up.code, up.stderr).toBe(0);
    // Nothing was active before this sandbox, so it took the choice; the user then picks another.
    expect(await activeProfile()).toBe('sandbox');
    await runNimbus(['profile', 'use', 'mine'], home.env);
    await runNimbus(['sandbox', 'down'], home.env);
    expect(await activeProfile()).toBe('mine');
  });
});
