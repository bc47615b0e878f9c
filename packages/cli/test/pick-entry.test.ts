import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pickEntry } from '../src/entry/pick-entry.js';

// A CLI package laid out as the build leaves it, with an installed dci at a chosen version.
let root: string;
let packageRoot: URL;

async function writeJson(path: string, value: unknown): Promise<void> {
  await mkdir(join(root, path, '..'), { recursive: true });
  await writeFile(join(root, path), JSON.stringify(value));
}

async function layout(installedDci: string | undefined): Promise<void> {
  await writeJson('package.json', { name: '@nimbus-sdk/cli', version: '1.0.0', type: 'module' });
  await writeJson('dist/startup-index.json', {
    commands: { 'dci:topic:list': '@nimbus-sdk/dci', 'profile:list': null },
    rootHelp: { description: '', bin: 'nimbus', topics: [], commands: [] },
  });
  await writeJson('dist/bundle/index.json', {
    versions: { '@nimbus-sdk/dci': '2.0.0' },
    commands: { 'dci:topic:list': '@nimbus-sdk/dci/dist/commands/dci/topic/list.js' },
  });
  if (installedDci) {
    await writeJson('node_modules/@nimbus-sdk/dci/package.json', {
      name: '@nimbus-sdk/dci',
      version: installedDci,
      exports: { './package.json': './package.json' },
    });
  }
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'nimbus-pick-entry-'));
  packageRoot = pathToFileURL(`${root}/`);
  // No user plugins: an empty data directory.
  vi.stubEnv('NIMBUS_DATA_DIR', join(root, 'data'));
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await rm(root, { recursive: true, force: true });
});

const bundled = (file: string) => new URL(`dist/bundle/${file}`, packageRoot).href;
const plain = () => new URL('dist/entry/run-nimbus.js', packageRoot).href;

describe('pickEntry', () => {
  it('runs a bundled provider command from dist/bundle when that provider is installed at the bundled version', async () => {
    await layout('2.0.0');
    const choice = pickEntry(['dci', '--json', 'topic', 'list'], packageRoot);
    expect(choice.entry.href).toBe(bundled('run-nimbus.js'));
    expect(choice.commandFile?.href).toBe(bundled('@nimbus-sdk/dci/dist/commands/dci/topic/list.js'));
  });

  it('runs from dist/entry when the installed provider is another version than the bundled copy', async () => {
    await layout('2.0.1');
    expect(pickEntry(['dci', 'topic', 'list'], packageRoot)).toEqual({ entry: new URL(plain()) });
  });

  it('runs from dist/entry for a provider that is not installed, a CLI command, a topic or an unknown id', async () => {
    await layout(undefined);
    expect(pickEntry(['dci', 'topic', 'list'], packageRoot).entry.href).toBe(plain());
    await layout('2.0.0');
    for (const argv of [
      ['profile', 'list'],
      ['dci', 'topic'],
      ['dci', '--json', 'topic'],
      ['dci', '--version'],
      ['nope'],
      [],
    ]) {
      expect(pickEntry(argv, packageRoot).entry.href, argv.join(' ')).toBe(plain());
    }
  });

  it('runs from dist/entry once a user plugin is installed (it may replace the command)', async () => {
    await layout('2.0.0');
    await writeJson('data/package.json', { oclif: { plugins: [{ name: 'x', type: 'user' }] } });
    expect(pickEntry(['dci', 'topic', 'list'], packageRoot).entry.href).toBe(plain());
  });

  it('runs from dist/entry when the build wrote no bundle', async () => {
    await layout('2.0.0');
    await rm(join(root, 'dist', 'bundle'), { recursive: true });
    expect(pickEntry(['dci', 'topic', 'list'], packageRoot).entry.href).toBe(plain());
  });
});
