import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNimbus } from '../../../test-support/run-cli.js';
import { createIsolatedHome, type IsolatedHome } from './support/isolated-home.js';

let home: IsolatedHome;

beforeAll(async () => {
  home = await createIsolatedHome();
  const link = await runNimbus(['plugins', 'link', home.helloPluginDir, '--no-install'], home.env);
  expect(link.code, link.stderr).toBe(0);
});
afterAll(async () => {
  await home?.remove();
});

describe('concurrent profile writes from separate processes', () => {
  it('20 concurrent `nimbus profile create` all exit 0 and all 20 profiles survive', async () => {
    const names = Array.from({ length: 20 }, (_, i) => `p${String(i).padStart(2, '0')}`);
    const runs = await Promise.all(
      names.map((name) =>
        runNimbus(
          [
            'profile',
            'create',
            name,
            '--set',
            'hello.url=http://127.0.0.1:1',
            '--set',
            `hello.token=t-${name}`,
          ],
          home.env,
        ),
      ),
    );
    expect(runs.map((run) => run.code)).toEqual(names.map(() => 0));
    const stored = JSON.parse(await readFile(join(home.configDir, 'profiles.json'), 'utf8')) as {
      profiles: Record<string, unknown>;
    };
    expect(Object.keys(stored.profiles).sort()).toEqual(names);
  });

  it('two concurrent creates of one name: one wins, the other exits 5 (no silent overwrite)', async () => {
    const runs = await Promise.all(
      ['a', 'b'].map((token) =>
        runNimbus(
          [
            'profile',
            'create',
            'same',
            '--set',
            'hello.url=http://127.0.0.1:1',
            '--set',
            `hello.token=${token}`,
          ],
          home.env,
        ),
      ),
    );
    expect(runs.map((run) => run.code).sort()).toEqual([0, 5]);
  });
});
