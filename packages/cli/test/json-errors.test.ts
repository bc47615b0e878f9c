import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNimbus } from '../../../test-support/run-cli.js';
import { createIsolatedHome, type IsolatedHome } from './support/isolated-home.js';

// With --json every failure is a JSON error on stdout, oclif's own parsing failures included
// (command-grammar.test.ts covers an unknown command and a missing argument): a script reads one
// shape whatever went wrong, and stderr stays free of a second, plain-text copy.
let home: IsolatedHome;

beforeAll(async () => {
  home = await createIsolatedHome();
});
afterAll(async () => {
  await home?.remove();
});

const jsonError = async (argv: string[]) => {
  const run = await runNimbus(argv, home.env);
  expect(run.stderr).toBe('');
  return { code: run.code, error: JSON.parse(run.stdout).error as { code: string; message: string } };
};

describe('--json errors from oclif and start-up', () => {
  it.each([
    [['dci', 'topic', 'list', '--bogus', '--json'], 'Nonexistent flag: --bogus'],
    [['dci', 'topic', 'list', '--limit', '--json'], 'Flag --limit expects a value'],
    [['dci', 'topic', 'list', '--format', 'xml', '--json'], '--format'],
    [['smartdc', 'machine', 'show', '--json'], 'Missing 1 required arg: machine'],
    [['dci', 'topic', '--json'], '"dci topic" is a topic, not a command'],
  ])('%j is a USAGE error in JSON with exit 2', async (argv, message) => {
    const { code, error } = await jsonError(argv);
    expect(code).toBe(2);
    expect(error.code).toBe('USAGE');
    expect(error.message).toContain(message);
  });

  it('reports an unreadable profiles file as a CONFIG error in JSON, naming the file', async () => {
    const broken = await createIsolatedHome();
    try {
      await mkdir(broken.configDir, { recursive: true, mode: 0o700 });
      const file = join(broken.configDir, 'profiles.json');
      await writeFile(file, '{bad', { mode: 0o600 });
      const run = await runNimbus(['dci', 'topic', 'list', '--json'], broken.env);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe('');
      expect(JSON.parse(run.stdout).error).toEqual({
        code: 'CONFIG',
        message: `${file} is not valid JSON; fix or remove it`,
      });
    } finally {
      await broken.remove();
    }
  });
});
