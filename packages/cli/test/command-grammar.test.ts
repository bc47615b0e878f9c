import { startDciEmulator } from '@nimbus-sdk/dci/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNimbus } from '../../../test-support/run-cli.js';
import { createIsolatedHome, type IsolatedHome } from './support/isolated-home.js';

// Flags typed before the subcommand, as `dcictl --format json job-list` and `triton -p prod ls`
// users type them, run the command instead of printing help with exit 0; oclif's own failures
// are usage errors (exit 2) in nimbus's one-line and --json forms.
let home: IsolatedHome;
let emulator: Awaited<ReturnType<typeof startDciEmulator>>;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  home = await createIsolatedHome();
  emulator = await startDciEmulator();
  const { remoteci } = emulator.seed;
  env = {
    ...home.env,
    DCI_CS_URL: emulator.url,
    DCI_CLIENT_ID: remoteci.clientId,
    DCI_API_SECRET: remoteci.apiSecret,
  };
});
afterAll(async () => {
  await emulator?.close();
  await home?.remove();
});

describe('nimbus command grammar', () => {
  it.each([
    [['dci', '--json', 'topic', 'list']],
    [['dci', '--format', 'json', 'topic', 'list']],
    [['--json', 'dci', 'topic', 'list']],
    [['dci', '-j', 'topic', 'list']],
  ])('runs %j as the command, not its topic help', async (argv) => {
    const run = await runNimbus(argv, env);
    expect(run.code, run.stderr).toBe(0);
    const topics = JSON.parse(run.stdout) as { name: string }[];
    expect(Array.isArray(topics)).toBe(true);
    expect(topics.length).toBeGreaterThan(0);
  });

  it('fails with exit 2 for an unknown flag typed before the subcommand', async () => {
    const run = await runNimbus(['dci', '--bogus', 'topic', 'list'], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--bogus');
    expect(run.stdout).toBe('');
  });

  it('fails with exit 2 for a topic given flags but no command', async () => {
    const run = await runNimbus(['dci', 'topic', '--bogus'], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'Error: "dci topic" is a topic, not a command: name one of its commands after it (see `nimbus dci topic --help`)\n',
    );
  });

  it('names an unknown command with spaces, and prints it as JSON with --json', async () => {
    const text = await runNimbus(['dci', 'nosuch'], env);
    expect(text.code).toBe(2);
    expect(text.stderr).toBe('Error: Unknown command "dci nosuch" (see `nimbus --help`)\n');
    const json = await runNimbus(['dci', 'nosuch', '--json'], env);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toEqual({
      error: { code: 'USAGE', message: 'Unknown command "dci nosuch" (see `nimbus --help`)' },
    });
  });

  it('prints a missing argument as JSON with its name', async () => {
    const run = await runNimbus(['dci', 'topic', 'show', '--json'], env);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout).error.message).toMatch(/^Missing 1 required arg: \S+/);
  });

  it('shows help for -h as for --help, with exit 0', async () => {
    const short = await runNimbus(['dci', 'topic', 'list', '-h'], env);
    const long = await runNimbus(['dci', 'topic', 'list', '--help'], env);
    expect(short.code).toBe(0);
    expect(short.stdout).toBe(long.stdout);
    expect(short.stdout).toContain('USAGE');
  });
});
