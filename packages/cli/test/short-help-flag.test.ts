import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNimbus } from '../../../test-support/run-cli.js';
import { createIsolatedHome, type IsolatedHome } from './support/isolated-home.js';

// `-h` is `--help` everywhere: on the root, on topics, on a command of every bundled plugin (each
// provider, the CLI's own, and oclif's plugins and autocomplete), with or without arguments typed.
// command-grammar.test.ts checks one dci command; this covers each plugin that contributes commands.
let home: IsolatedHome;

beforeAll(async () => {
  home = await createIsolatedHome();
});
afterAll(async () => {
  await home?.remove();
});

describe('-h on every plugin', () => {
  it.each([
    [[]],
    [['smartdc', 'machine']],
    [['dci', 'job', 'list']],
    [['ims', 'image', 'list']],
    [['naas', 'space', 'list']],
    [['s3aas', 'instance', 'list']],
    [['smartdc', 'machine', 'create']],
    [['smartdc', 'machine', 'show', 'web-1']],
    [['profile', 'create']],
    [['sandbox', 'up']],
    [['plugins', 'install']],
    [['autocomplete']],
  ])('nimbus %j -h prints what --help prints, with exit 0', async (argv) => {
    const short = await runNimbus([...argv, '-h'], home.env);
    const long = await runNimbus([...argv, '--help'], home.env);
    expect(short.code, short.stderr).toBe(0);
    expect(short.stderr).toBe('');
    expect(short.stdout).toBe(long.stdout);
    expect(short.stdout).toContain('USAGE');
  });
});
