import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNimbus } from '../../../test-support/run-cli.js';
import { mayHaveUserPlugins } from '../src/entry/user-plugins.js';
import { createIsolatedHome, type IsolatedHome } from './support/isolated-home.js';

let home: IsolatedHome;
beforeAll(async () => {
  home = await createIsolatedHome();
});
afterAll(async () => {
  await home?.remove();
});

describe('nimbus --help from the start-up index', () => {
  // `nimbus help` is oclif's own help command (it always loads every plugin), so the two must match.
  it.each(['80', '40', '132'])('prints what oclif prints at %s columns, -h too', async (columns) => {
    const env = { ...home.env, OCLIF_COLUMNS: columns };
    const oclif = await runNimbus(['help'], env);
    const fast = await runNimbus(['--help'], env);
    const short = await runNimbus(['-h'], env);
    expect(oclif.code, oclif.stderr).toBe(0);
    expect(fast.code, fast.stderr).toBe(0);
    expect(fast.stdout).toContain('TOPICS');
    expect(fast.stdout).toBe(oclif.stdout);
    expect(short.stdout).toBe(oclif.stdout);
  });
});

describe('mayHaveUserPlugins', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'nimbus-data-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });
  const env = () => ({ NIMBUS_DATA_DIR: dataDir });
  const pjson = (content: string) => writeFile(join(dataDir, 'package.json'), content);

  it('is false with no package.json in the data directory, or one that lists no plugin', async () => {
    expect(mayHaveUserPlugins(env())).toBe(false);
    await pjson(JSON.stringify({ private: true, oclif: { plugins: [] }, dependencies: {} }));
    expect(mayHaveUserPlugins(env())).toBe(false);
  });

  it('is true once a plugin is installed or linked, or when the file cannot be read as JSON', async () => {
    await pjson(JSON.stringify({ oclif: { plugins: [{ name: 'x', type: 'link', root: '/x' }] } }));
    expect(mayHaveUserPlugins(env())).toBe(true);
    await pjson('{ not json');
    expect(mayHaveUserPlugins(env())).toBe(true);
    await rm(join(dataDir, 'package.json'));
    await mkdir(join(dataDir, 'package.json'));
    expect(mayHaveUserPlugins(env())).toBe(true);
  });

  it('follows XDG_DATA_HOME and HOME as oclif does', async () => {
    await mkdir(join(dataDir, 'xdg', 'nimbus'), { recursive: true });
    await writeFile(
      join(dataDir, 'xdg', 'nimbus', 'package.json'),
      JSON.stringify({ oclif: { plugins: [{}] } }),
    );
    expect(mayHaveUserPlugins({ XDG_DATA_HOME: join(dataDir, 'xdg') })).toBe(true);
    expect(mayHaveUserPlugins({ HOME: join(dataDir, 'nowhere') })).toBe(false);
  });
});
