import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedEnv } from '../../../test-support/isolated-env.js';
import { runNodeScript } from '../../../test-support/run-cli.js';
import { type DciEmulator, startDciEmulator } from '../src/emulator/index.js';

// Lifecycle commands print the job as the server now has it, so the ETag they print is the one the
// next `job update --etag` needs (it was the job's ETag from before the status change).
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
  home = await mkdtemp(join(tmpdir(), 'nimbus-dci-etag-'));
});
afterAll(async () => {
  await emulator?.close();
  if (home) await rm(home, { recursive: true, force: true });
});

describe('job start / finish print fresh ETags', () => {
  it('an update with the ETag printed by job start, then by job finish, succeeds', async () => {
    const started = await dci([
      'job',
      'start',
      '--topic-id',
      emulator.seed.topic,
      '--components',
      emulator.seed.component,
      '--json',
    ]);
    expect(started.code, started.stderr).toBe(0);
    const job = JSON.parse(started.stdout) as { id: string; etag: string; status: string };
    expect(job.status).toBe('running');
    const updated = await dci(['job', 'update', job.id, '--etag', job.etag, '--comment', 'a', '--json']);
    expect(updated.code, updated.stderr).toBe(0);

    const finished = await dci(['job', 'finish', job.id, '--status', 'success', '--json']);
    expect(finished.code, finished.stderr).toBe(0);
    const done = JSON.parse(finished.stdout) as { etag: string; status: string };
    expect(done.status).toBe('success');
    const again = await dci(['job', 'update', job.id, '--etag', done.etag, '--comment', 'b', '--json']);
    expect(again.code, again.stderr).toBe(0);
  });
});
