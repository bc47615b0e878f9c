import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedEnv } from '../../../test-support/isolated-env.js';
import { runNodeScript } from '../../../test-support/run-cli.js';
import { type DciEmulator, startDciEmulator } from '../src/emulator/index.js';

// Flags that conflict or would do nothing fail as usage errors (exit 2) instead of being ignored.
const runner = fileURLToPath(new URL('./fixtures/run-dci.mjs', import.meta.url));
let emulator: DciEmulator;
let home: string;

const dci = (args: readonly string[]) =>
  runNodeScript(runner, ['dci', ...args], {
    ...isolatedEnv(home),
    DCI_CS_URL: emulator.url,
    DCI_CLIENT_ID: emulator.seed.remoteci.clientId,
    DCI_API_SECRET: emulator.seed.remoteci.apiSecret,
  });

beforeAll(async () => {
  emulator = await startDciEmulator();
  home = await mkdtemp(join(tmpdir(), 'nimbus-dci-flags-'));
});
afterAll(async () => {
  await emulator?.close();
  if (home) await rm(home, { recursive: true, force: true });
});

describe('flags that conflict or do nothing', () => {
  it('refuses --all with --limit', async () => {
    const run = await dci(['topic', 'list', '--all', '--limit', '2']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /--limit=2 cannot also be provided when using --all|--all cannot also be provided when using --limit/,
    );
  });

  it('refuses a --columns name that is no column of the rows, in tables and CSV', async () => {
    for (const format of ['table', 'csv']) {
      const run = await dci(['topic', 'list', '--columns', 'name,nosuch', '--format', format]);
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toMatch(/^Error: --columns: no column "nosuch"; choose from id, name, /);
      expect(run.stdout).toBe('');
    }
  });

  it('still accepts any field of the rows, beyond the default columns', async () => {
    const run = await dci(['topic', 'list', '--columns', 'name,product_id', '--format', 'csv']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('name,product_id');
  });
});
