import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Config } from '@oclif/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNimbus } from '../../../test-support/run-cli.js';
import { cliRoot, createIsolatedHome, type IsolatedHome } from './support/isolated-home.js';

// Child-process tests run the built CLI (`pnpm --filter @nimbus-sdk/cli build`), as users do.
let home: IsolatedHome;

beforeAll(async () => {
  home = await createIsolatedHome();
});
afterAll(async () => {
  await home.remove();
});

const ANSI = /\x1b\[/;

describe('nimbus as a child process', () => {
  it('prints its version exactly as oclif would, and exits 0', async () => {
    const run = await runNimbus(['--version'], home.env);
    expect(run.code).toBe(0);
    // bin/run.js answers --version without loading oclif; it must match oclif's own text.
    const config = await Config.load(cliRoot);
    expect(run.stdout).toBe(`${config.userAgent}\n`);
  });

  it('lists the profile and sandbox topics in --help', async () => {
    const run = await runNimbus(['--help'], home.env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^ {2}profile +Manage named environments/m);
    expect(run.stdout).toMatch(/^ {2}sandbox +Run every installed provider/m);
    expect(run.stdout).toMatch(/^ {2}plugins +/m);
  });

  it('exits 2 with one line on stderr for an unknown flag', async () => {
    const run = await runNimbus(['profile', 'list', '--bogus'], home.env);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('Error: Nonexistent flag: --bogus See more help with --help\n');
    expect(run.stdout).toBe('');
  });

  it('exits 2 for an unknown command', async () => {
    const run = await runNimbus(['frobnicate'], home.env);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('Error: Unknown command "frobnicate" (see `nimbus --help`)\n');
  });

  it('exits 2 for a missing required argument', async () => {
    const run = await runNimbus(['profile', 'use'], home.env);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^Error: Missing 1 required arg: name/);
  });

  it('exits 4 with a JSON error on stdout for a missing profile', async () => {
    const run = await runNimbus(['profile', 'show', 'ghost', '--json'], home.env);
    expect(run.code).toBe(4);
    expect(JSON.parse(run.stdout)).toEqual({
      error: { code: 'NOT_FOUND', message: 'No profile named "ghost" (see `nimbus profile list`)' },
    });
    expect(run.stderr).toBe('');
  });

  it('exits 5 when creating a profile that exists, and keeps the first', async () => {
    expect((await runNimbus(['profile', 'create', 'dup'], home.env)).code).toBe(0);
    const again = await runNimbus(['profile', 'create', 'dup'], home.env);
    expect(again.code).toBe(5);
    expect(again.stderr).toContain('Profile "dup" already exists');
    const list = await runNimbus(['profile', 'list', '--json'], home.env);
    expect(JSON.parse(list.stdout)).toEqual([{ name: 'dup', active: false, providers: [] }]);
  });

  it('writes profiles 0600 inside a 0700 directory under XDG_CONFIG_HOME', async () => {
    expect((await stat(join(home.configDir, 'profiles.json'))).mode & 0o777).toBe(0o600);
    expect((await stat(home.configDir)).mode & 0o777).toBe(0o700);
  });

  it('writes no terminal control codes when piped', async () => {
    const runs = await Promise.all([
      runNimbus(['profile', 'list'], home.env),
      runNimbus(['sandbox', 'status'], home.env),
      runNimbus(['profile', 'show', 'nope'], home.env),
    ]);
    for (const run of runs) {
      expect(run.stdout).not.toMatch(ANSI);
      expect(run.stderr).not.toMatch(ANSI);
    }
  });
});
