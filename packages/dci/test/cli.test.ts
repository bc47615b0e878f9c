import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedEnv } from '../../../test-support/isolated-env.js';
import { type CliRun, runNodeScript } from '../../../test-support/run-cli.js';
import { type DciEmulator, startDciEmulator } from '../src/emulator/index.js';

const runner = fileURLToPath(new URL('./fixtures/run-dci.mjs', import.meta.url));
const manifest = fileURLToPath(new URL('../dist/commands/dci/topic/list.js', import.meta.url));

let emulator: DciEmulator;
let home: string;

/** Runs the built commands in a child process with exactly `env` (plus an isolated HOME). */
function dci(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return runNodeScript(runner, ['dci', ...args], { ...isolatedEnv(home), ...env });
}

const remoteciEnv = () => ({
  DCI_CS_URL: emulator.url,
  DCI_CLIENT_ID: emulator.seed.remoteci.clientId,
  DCI_API_SECRET: emulator.seed.remoteci.apiSecret,
});

beforeAll(async () => {
  if (!existsSync(manifest)) {
    throw new Error(
      'packages/dci is not built: run `pnpm --filter @nimbus-sdk/dci build` (the root `pnpm test` does)',
    );
  }
  emulator = await startDciEmulator();
  home = await mkdtemp(join(tmpdir(), 'nimbus-dci-cli-'));
});
afterAll(async () => {
  await emulator?.close();
  if (home) await rm(home, { recursive: true, force: true });
});

describe('nimbus dci commands', () => {
  it('topic list --json works from a dcirc.sh environment', async () => {
    const run = await dci(['topic', 'list', '--json'], remoteciEnv());
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).map((t: { name: string }) => t.name)).toEqual(['RHEL-9.4']);
  });

  it('takes dcictl credential flags, and prints CSV with a header', async () => {
    const run = await dci([
      'team',
      'list',
      '--dci-cs-url',
      emulator.url,
      '--dci-login',
      'admin',
      '--dci-password',
      'admin',
      '--format',
      'csv',
      '--sort',
      'name',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').slice(0, 3)).toEqual([
      'id,name,country,external,state',
      expect.stringMatching(/^[0-9a-f-]{36},EPM,,false,active$/),
      expect.stringMatching(/^[0-9a-f-]{36},Partner Lab,,true,active$/),
    ]);
  });

  it('exits 4 with a JSON error on a missing job, and 3 for auth failures', async () => {
    const missing = await dci(
      ['job', 'show', '00000000-0000-4000-8000-000000000000', '--json'],
      remoteciEnv(),
    );
    expect(missing.code).toBe(4);
    expect(JSON.parse(missing.stdout).error).toMatchObject({ code: 'NOT_FOUND', status: 404 });

    const badPassword = await dci(['identity', 'show'], {
      DCI_CS_URL: emulator.url,
      DCI_LOGIN: 'admin',
      DCI_PASSWORD: 'wrong-password',
    });
    expect(badPassword.code).toBe(3);
    expect(badPassword.stderr).toContain('Invalid user credentials');
    expect(badPassword.stderr + badPassword.stdout).not.toContain('wrong-password');

    const badSecret = await dci(['topic', 'list'], { ...remoteciEnv(), DCI_API_SECRET: 'x'.repeat(64) });
    expect(badSecret.code).toBe(3);
    expect(badSecret.stderr).toContain('signature is invalid');
  });

  it('refuses to run without credentials, naming what to set (exit 2)', async () => {
    const run = await dci(['topic', 'list'], { DCI_CS_URL: emulator.url });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('DCI_CLIENT_ID');
  });

  it('runs a job: start, upload JUnit, finish; lists jobstates and files', async () => {
    const started = await dci(
      [
        'job',
        'start',
        '--topic-id',
        emulator.seed.topic,
        '--components',
        emulator.seed.component,
        '--name',
        'cli',
        '--json',
      ],
      remoteciEnv(),
    );
    expect(started.code).toBe(0);
    const job = JSON.parse(started.stdout) as { id: string; status: string };
    expect(job.status).toBe('running');
    const junit = join(home, 'results.xml');
    await writeFile(
      junit,
      '<testsuite><testcase name="a"/><testcase name="b"><failure/></testcase></testsuite>',
    );
    const finished = await dci(
      ['job', 'finish', job.id, '--status', 'failure', '--junit', junit, '--json'],
      remoteciEnv(),
    );
    expect(finished.code).toBe(0);
    expect(JSON.parse(finished.stdout).status).toBe('failure');
    const states = await dci(['jobstate', 'list', '--job-id', job.id, '--json'], remoteciEnv());
    expect(JSON.parse(states.stdout).map((s: { status: string }) => s.status)).toEqual([
      'pre-run',
      'running',
      'post-run',
      'failure',
    ]);
    const files = await dci(
      ['file', 'list', '--job-id', job.id, '--format', 'tsv', '--no-header'],
      remoteciEnv(),
    );
    expect(files.stdout).toMatch(/\tresults\.xml\t/);
    const names = await dci(
      ['file', 'list', '--job-id', job.id, '--format', 'csv', '--columns', 'name,mime'],
      remoteciEnv(),
    );
    expect(names.stdout).toBe('name,mime\nresults.xml,application/junit\n');

    const log = join(home, 'build.log');
    await writeFile(log, 'line 1\nline 2\n');
    const uploaded = await dci(['file', 'upload', log, '--job-id', job.id, '--json'], remoteciEnv());
    const file = JSON.parse(uploaded.stdout) as { id: string; name: string };
    expect(file.name).toBe('build.log');
    const target = join(home, 'copy.log');
    expect((await dci(['file', 'download', file.id, '--target', target], remoteciEnv())).code).toBe(0);
    expect(existsSync(target)).toBe(true);
    const toStdout = await dci(['file', 'download', file.id, '--target', '-'], remoteciEnv());
    expect(toStdout.code, toStdout.stderr).toBe(0);
    expect(toStdout.stdout).toBe('line 1\nline 2\n');
    const noDir = await dci(
      ['file', 'download', file.id, '--target', join(home, 'no', 'x.log')],
      remoteciEnv(),
    );
    expect(noDir.code).toBe(2);
    expect(noDir.stderr).toContain(join(home, 'no'));
  });

  it('exits 5 on a stale --etag and leaves the job unchanged', async () => {
    const created = await dci(
      ['job', 'create', '--topic-id', emulator.seed.topic, '--components', emulator.seed.component, '--json'],
      remoteciEnv(),
    );
    const job = JSON.parse(created.stdout) as { id: string; etag: string };
    const stale = await dci(
      ['job', 'update', job.id, '--etag', '0'.repeat(32), '--comment', 'x', '--json'],
      remoteciEnv(),
    );
    expect(stale.code).toBe(5);
    expect(JSON.parse(stale.stdout).error.code).toBe('PRECONDITION_FAILED');
    const fresh = await dci(['job', 'update', job.id, '--comment', 'ok', '--json'], remoteciEnv());
    expect(JSON.parse(fresh.stdout).comment).toBe('ok');
    const tagged = await dci(['job', 'tag', 'add', job.id, 'debug', '--json'], remoteciEnv());
    expect(JSON.parse(tagged.stdout).tags).toEqual(['debug']);
  });

  it('rejects bad input before any request (exit 2)', async () => {
    const run = await dci(['job', 'show', 'not-a-uuid'], remoteciEnv());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('UUID');
  });

  it('never prints the API secret in --debug traces', async () => {
    const run = await dci(['identity', 'show', '--debug', '--json'], remoteciEnv());
    expect(run.code).toBe(0);
    expect(run.stderr.length).toBeGreaterThan(0);
    expect(run.stdout + run.stderr).not.toContain(emulator.seed.remoteci.apiSecret);
  });
});
