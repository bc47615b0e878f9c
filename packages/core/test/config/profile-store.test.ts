import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isApiError } from '../../src/index.js';
import { createProfileStore, nimbusConfigDir } from '../../src/provider/index.js';

let home: string;

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'nimbus-profiles-'));
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

describe('nimbusConfigDir', () => {
  it('uses an absolute XDG_CONFIG_HOME, else ~/.config', () => {
    expect(nimbusConfigDir({ XDG_CONFIG_HOME: '/x/conf', HOME: '/h' })).toBe('/x/conf/nimbus');
    expect(nimbusConfigDir({ HOME: '/h' })).toBe('/h/.config/nimbus');
    // The XDG spec says relative paths are invalid and must be ignored.
    expect(nimbusConfigDir({ XDG_CONFIG_HOME: 'relative', HOME: '/h' })).toBe('/h/.config/nimbus');
  });
});

describe('createProfileStore', () => {
  it('finds its directory through XDG_CONFIG_HOME', () => {
    const store = createProfileStore({ env: { XDG_CONFIG_HOME: home } });
    expect(store.file).toBe(join(home, 'nimbus', 'profiles.json'));
  });

  it('saves, lists, activates and deletes profiles', async () => {
    const store = createProfileStore({ dir: join(home, 'nimbus') });
    expect(await store.list()).toEqual([]);
    await store.put('lab', { dci: { 'cs-url': 'https://dci.example' }, smartdc: { account: 'alice' } });
    await store.put('ci', {});
    await store.use('lab');
    expect(await store.list()).toEqual([
      { name: 'ci', active: false, providers: [] },
      { name: 'lab', active: true, providers: ['dci', 'smartdc'] },
    ]);
    expect(await store.get('lab')).toEqual({
      dci: { 'cs-url': 'https://dci.example' },
      smartdc: { account: 'alice' },
    });
    expect(await store.get('nope')).toBeUndefined();
    expect(await store.delete('lab')).toBe(true);
    expect(await store.active()).toBeUndefined();
    expect(await store.delete('lab')).toBe(false);
  });

  it('writes the file 0600 in a 0700 directory, leaving no temp files', async () => {
    const dir = join(home, 'nimbus');
    const store = createProfileStore({ dir });
    const previous = process.umask(0o022);
    try {
      await store.put('lab', { dci: { 'api-secret': 's3cr3t-value' } });
      await store.put('lab2', {});
    } finally {
      process.umask(previous);
    }
    expect((await stat(store.file)).mode & 0o777).toBe(0o600);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    expect(await readdir(dir)).toEqual(['profiles.json']);
  });

  it('rejects a bad profile name and writes nothing', async () => {
    const store = createProfileStore({ dir: join(home, 'nimbus') });
    const error = await store.put('../evil', {}).catch((e: unknown) => e);
    expect(isApiError(error) && error.code).toBe('VALIDATION');
    await expect(stat(store.file)).rejects.toThrow(/ENOENT/);
  });

  it('refuses to activate a missing profile', async () => {
    const store = createProfileStore({ dir: join(home, 'nimbus') });
    await expect(store.use('ghost')).rejects.toThrow(/No profile named "ghost"/);
  });

  it('reports a corrupt file with its path instead of overwriting it', async () => {
    const store = createProfileStore({ dir: home });
    await writeFile(store.file, '{ not json');
    await expect(store.list()).rejects.toThrow(`${store.file} is not valid JSON`);
    await expect(store.put('x', {})).rejects.toThrow(/not valid JSON/);
    expect(await readFile(store.file, 'utf8')).toBe('{ not json');
  });

  it('rejects non-string settings in the file', async () => {
    const store = createProfileStore({ dir: home });
    await writeFile(store.file, JSON.stringify({ version: 1, profiles: { lab: { dci: { port: 3 } } } }));
    await expect(store.get('lab')).rejects.toThrow(/dci.port must be a string/);
  });
});
