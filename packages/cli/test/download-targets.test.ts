import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type DciEmulator, startDciEmulator } from '@nimbus-sdk/dci/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNimbus } from '../../../test-support/run-cli.js';
import { createIsolatedHome, type IsolatedHome } from './support/isolated-home.js';

// Every download command takes its destination as --target, where `-` is standard output and a
// missing directory is a clear usage error before anything is written. dci's `file download` is
// covered in packages/dci/test/cli.test.ts; this is `component file download`, which also keeps
// its older positional form.
let home: IsolatedHome;
let emulator: DciEmulator;
let fileId: string;
const content = 'component bytes\n';

const admin = () => ({
  ...home.env,
  DCI_CS_URL: emulator.url,
  DCI_LOGIN: 'admin',
  DCI_PASSWORD: 'admin',
});

beforeAll(async () => {
  home = await createIsolatedHome();
  emulator = await startDciEmulator();
  const source = join(home.root, 'component.txt');
  await writeFile(source, content);
  const up = await runNimbus(
    ['dci', 'component', 'file', 'upload', emulator.seed.component, source, '--json'],
    admin(),
  );
  expect(up.code, up.stderr).toBe(0);
  fileId = JSON.parse(up.stdout).id;
});
afterAll(async () => {
  await emulator?.close();
  await home?.remove();
});

const download = (...rest: string[]) =>
  runNimbus(['dci', 'component', 'file', 'download', emulator.seed.component, fileId, ...rest], admin());

describe('dci component file download targets', () => {
  it('--target - writes the bytes, and only them, to standard output', async () => {
    const run = await download('--target', '-');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(content);
  });

  it('a --target in a missing directory is exit 2 naming the directory, and writes nothing', async () => {
    const missingDir = join(home.root, 'no-such-dir');
    const run = await download('--target', join(missingDir, 'x.txt'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(missingDir);
    expect(run.stdout).toBe('');
  });

  it('refuses a target given both as --target and as an argument, before writing either', async () => {
    const dir = join(home.root, 'both');
    await mkdir(dir);
    const run = await download(join(dir, 'a.txt'), '--target', join(dir, 'b.txt'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--target');
    expect(await readdir(dir)).toEqual([]);
  });
});
