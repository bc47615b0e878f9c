import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isolatedEnv } from '../../../test-support/isolated-env.js';
import { type CliRun, runNodeScript } from '../../../test-support/run-cli.js';
import { type DciEmulator, startDciEmulator } from '../src/emulator/index.js';

const runner = fileURLToPath(new URL('./fixtures/run-dci.mjs', import.meta.url));
const built = fileURLToPath(new URL('../dist/commands/dci/component/file/upload.js', import.meta.url));
const missingId = '00000000-0000-4000-8000-000000000000';

let emulator: DciEmulator;
let home: string;

/** Runs the built commands in a child process as the seeded admin (a product component's writer). */
function dci(args: readonly string[]): Promise<CliRun> {
  return runNodeScript(runner, ['dci', ...args], {
    ...isolatedEnv(home),
    DCI_CS_URL: emulator.url,
    DCI_LOGIN: 'admin',
    DCI_PASSWORD: 'admin',
  });
}

async function uploaded(text: string): Promise<{ id: string; name: string; mime: string; size: number }> {
  const path = join(home, 'component.txt');
  await writeFile(path, text);
  const run = await dci(['component', 'file', 'upload', emulator.seed.component, path, '--json']);
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
}

beforeAll(async () => {
  if (!existsSync(built)) {
    throw new Error(
      'packages/dci is not built: run `pnpm --filter @nimbus-sdk/dci build` (the root `pnpm test` does)',
    );
  }
  emulator = await startDciEmulator();
  home = await mkdtemp(join(tmpdir(), 'nimbus-dci-cli-component-'));
});
beforeEach(() => emulator.reset());
afterAll(async () => {
  await emulator?.close();
  if (home) await rm(home, { recursive: true, force: true });
});

describe('nimbus dci topic component list', () => {
  it("lists the topic's components as JSON, filtered and limited on the server", async () => {
    const all = await dci(['topic', 'component', 'list', emulator.seed.topic, '--json']);
    expect(all.code).toBe(0);
    expect(JSON.parse(all.stdout).map((c: { id: string }) => c.id)).toEqual([emulator.seed.component]);

    const none = await dci([
      'topic',
      'component',
      'list',
      emulator.seed.topic,
      '--where',
      'type:iso',
      '--json',
    ]);
    expect(none.code).toBe(0);
    expect(JSON.parse(none.stdout)).toEqual([]);
  });

  it('prints the component columns as CSV', async () => {
    const run = await dci([
      'topic',
      'component',
      'list',
      emulator.seed.topic,
      '--format',
      'csv',
      '--limit',
      '1',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('id,name,type,version,topic_id,tags,state');
    expect(run.stdout).toContain(emulator.seed.component);
  });

  it('exits 4 with a JSON error for a missing topic, and 2 for a malformed id', async () => {
    const missing = await dci(['topic', 'component', 'list', missingId, '--json']);
    expect(missing.code).toBe(4);
    expect(JSON.parse(missing.stdout).error).toMatchObject({ code: 'NOT_FOUND', status: 404 });

    const malformed = await dci(['topic', 'component', 'list', 'not-a-uuid']);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain('UUID');
  });
});

describe('nimbus dci component file', () => {
  it('upload --json answers the stored file, named by its id, with the given --mime', async () => {
    const path = join(home, 'notes.txt');
    await writeFile(path, 'release notes\n');
    const run = await dci([
      'component',
      'file',
      'upload',
      emulator.seed.component,
      path,
      '--mime',
      'text/plain',
      '--json',
    ]);
    expect(run.code).toBe(0);
    const file = JSON.parse(run.stdout);
    expect(file).toMatchObject({ component_id: emulator.seed.component, mime: 'text/plain', size: 14 });
    expect(file.name).toBe(file.id);
  });

  it('list --json shows the uploaded files; a missing component exits 4', async () => {
    const file = await uploaded('a');
    const run = await dci(['component', 'file', 'list', emulator.seed.component, '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([expect.objectContaining({ id: file.id, size: 1 })]);

    const missing = await dci(['component', 'file', 'list', missingId, '--json']);
    expect(missing.code).toBe(4);
    expect(JSON.parse(missing.stdout).error.code).toBe('NOT_FOUND');
  });

  it('show --json answers one file with its ETag; a missing file exits 4', async () => {
    const file = await uploaded('shown');
    const run = await dci(['component', 'file', 'show', emulator.seed.component, file.id, '--json']);
    expect(run.code).toBe(0);
    const shown = JSON.parse(run.stdout);
    expect(shown).toMatchObject({ id: file.id, size: 5, component_id: emulator.seed.component });
    expect(shown.etag).toMatch(/^[0-9a-f]{32}$/);

    const missing = await dci(['component', 'file', 'show', emulator.seed.component, missingId, '--json']);
    expect(missing.code).toBe(4);
    expect(JSON.parse(missing.stdout).error.code).toBe('NOT_FOUND');
  });

  it('download --json writes the bytes to <target>; a missing file exits 4 and writes nothing', async () => {
    const file = await uploaded('component bytes\n');
    const target = join(home, 'copy.txt');
    const run = await dci([
      'component',
      'file',
      'download',
      emulator.seed.component,
      file.id,
      target,
      '--json',
    ]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ id: file.id, target });
    expect(await readFile(target, 'utf8')).toBe('component bytes\n');

    const absent = join(home, 'absent.txt');
    const missing = await dci([
      'component',
      'file',
      'download',
      emulator.seed.component,
      missingId,
      '--target',
      absent,
      '--json',
    ]);
    expect(missing.code).toBe(4);
    expect(JSON.parse(missing.stdout).error.code).toBe('NOT_FOUND');
    expect(existsSync(absent)).toBe(false);
    expect(existsSync(`${absent}.part`)).toBe(false);
  });

  it('delete --json archives the file (gone from the list); a stale --etag exits 4 and leaves it in place', async () => {
    const file = await uploaded('x');
    const stale = await dci([
      'component',
      'file',
      'delete',
      emulator.seed.component,
      file.id,
      '--etag',
      '0'.repeat(32),
      '--json',
    ]);
    expect(stale.code).toBe(4);
    expect(JSON.parse(stale.stdout).error.code).toBe('NOT_FOUND');
    const kept = await dci(['component', 'file', 'list', emulator.seed.component, '--json']);
    expect(JSON.parse(kept.stdout)).toEqual([expect.objectContaining({ id: file.id, state: 'active' })]);

    const run = await dci(['component', 'file', 'delete', emulator.seed.component, file.id, '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ id: file.id, deleted: true });
    const after = await dci(['component', 'file', 'list', emulator.seed.component, '--json']);
    expect(JSON.parse(after.stdout)).toEqual([]);
  });

  it('refuses a path that is not a file before any request (exit 2), uploading nothing', async () => {
    const run = await dci(['component', 'file', 'upload', emulator.seed.component, join(home, 'nope.bin')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('not a file');
    const list = await dci(['component', 'file', 'list', emulator.seed.component, '--json']);
    expect(JSON.parse(list.stdout)).toEqual([]);
  });
});
