import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNimbus } from '../../../test-support/run-cli.js';
import { createIsolatedHome, type IsolatedHome } from './support/isolated-home.js';

// The providers bundled with the CLI (its package.json oclif.plugins), found through their
// package.json "nimbus" entry like any other plugin, against the sandbox they start.
let home: IsolatedHome;

beforeAll(async () => {
  home = await createIsolatedHome();
});
afterAll(async () => {
  await runNimbus(['sandbox', 'down'], home.env);
  await home.remove();
});

describe('bundled providers in the sandbox', () => {
  it('starts dci and smartdc emulators, answers their list commands, and stops them', async () => {
    const up = await runNimbus(['sandbox', 'up', '--detach', '--no-s3', '--json'], home.env);
    expect(up.code, up.stderr).toBe(0);
    const names = JSON.parse(up.stdout).services.map((s: { name: string }) => s.name);
    expect(names).toEqual(expect.arrayContaining(['dci', 'smartdc']));

    const images = await runNimbus(['smartdc', 'image', 'list', '--json'], home.env);
    expect(images.code, images.stderr).toBe(0);
    expect(Array.isArray(JSON.parse(images.stdout))).toBe(true);

    const topics = await runNimbus(['dci', 'topic', 'list', '--json'], home.env);
    expect(topics.code, topics.stderr).toBe(0);
    expect(Array.isArray(JSON.parse(topics.stdout))).toBe(true);

    const down = await runNimbus(['sandbox', 'down', '--json'], home.env);
    expect(JSON.parse(down.stdout)).toMatchObject({ stopped: true, killed: false });
  });
});
