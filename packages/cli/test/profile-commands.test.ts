import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { runCommand } from '@oclif/test';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runNimbus } from '../../../test-support/run-cli.js';
import { cliRoot, createIsolatedHome, type IsolatedHome } from './support/isolated-home.js';

// In-process runs of the built commands (@oclif/test), in an isolated XDG home where the test
// provider plugin is linked, so profile sections are validated by a real ProfileSectionSpec.
let home: IsolatedHome;
const savedEnv = { ...process.env };
const TOKEN = 'tok-secret-4242424242';

beforeAll(async () => {
  home = await createIsolatedHome();
  const link = await runNimbus(['plugins', 'link', home.helloPluginDir, '--no-install'], home.env);
  expect(link.code, link.stderr).toBe(0);
  Object.assign(process.env, home.env);
});
afterAll(async () => {
  process.env = { ...savedEnv };
  await home.remove();
});
beforeEach(() => {
  delete process.env.HELLO_URL;
  delete process.env.HELLO_TOKEN;
});

function nimbus(args: string[]) {
  return runCommand(args, { root: cliRoot });
}

async function storedProfiles(): Promise<{ active?: string; profiles: Record<string, unknown> }> {
  return JSON.parse(await readFile(join(home.configDir, 'profiles.json'), 'utf8'));
}

describe('profile commands', () => {
  it('create validates sections against the provider spec and writes nothing on failure', async () => {
    const { error, stderr } = await nimbus([
      'profile',
      'create',
      'bad',
      '--set',
      'hello.url=http://x',
      '--set',
      'nope.a=b',
    ]);
    expect(error?.oclif?.exit).toBe(2);
    expect(stderr).toMatch(/nope no installed provider of that name \(installed: [^)]*\bhello\b[^)]*\)/);
    expect(stderr).toContain('hello.token required');
    await expect(stat(join(home.configDir, 'profiles.json'))).rejects.toThrow(/ENOENT/);
  });

  it('rejects a malformed --set without echoing its value', async () => {
    const { error, stderr } = await nimbus(['profile', 'create', 'bad', '--set', `hello-token=${TOKEN}`]);
    expect(error?.oclif?.exit).toBe(2);
    expect(stderr).toContain('Bad --set: hello-token=…');
    expect(stderr).not.toContain(TOKEN);
  });

  it('create --use stores the profile and prints it with the secret masked', async () => {
    const { stdout, error } = await nimbus([
      'profile',
      'create',
      'lab',
      '--set',
      'hello.url=http://127.0.0.1:1',
      '--set',
      `hello.token=${TOKEN}`,
      '--use',
      '--json',
    ]);
    expect(error).toBeUndefined();
    expect(JSON.parse(stdout)).toEqual({
      name: 'lab',
      active: true,
      sections: { hello: { url: 'http://127.0.0.1:1', token: '********' } },
    });
    expect(stdout).not.toContain(TOKEN);
    const stored = await storedProfiles();
    expect(stored.active).toBe('lab');
    expect(stored.profiles.lab).toEqual({ hello: { url: 'http://127.0.0.1:1', token: TOKEN } });
  });

  it('show prints a human table with the secret masked', async () => {
    const { stdout } = await nimbus(['profile', 'show']);
    expect(stdout).toBe(
      'Profile lab (active)\nPROVIDER  SETTING  VALUE\nhello     url      http://127.0.0.1:1\nhello     token    ********\n',
    );
  });

  it('create --from-env takes the provider environment variables', async () => {
    process.env.HELLO_URL = 'http://from-env';
    process.env.HELLO_TOKEN = 'env-token-value-1';
    const { stdout, error } = await nimbus(['profile', 'create', 'shell', '--from-env', '--json']);
    expect(error).toBeUndefined();
    expect(JSON.parse(stdout).sections).toEqual({ hello: { url: 'http://from-env', token: '********' } });
    expect((await storedProfiles()).profiles.shell).toEqual({
      hello: { url: 'http://from-env', token: 'env-token-value-1' },
    });
  });

  it('edit changes one setting, keeps the rest, and refuses to leave a section incomplete', async () => {
    const edited = await nimbus([
      'profile',
      'edit',
      'lab',
      '--set',
      'hello.url=http://127.0.0.1:2',
      '--json',
    ]);
    expect(JSON.parse(edited.stdout).sections.hello.url).toBe('http://127.0.0.1:2');
    expect((await storedProfiles()).profiles.lab).toEqual({
      hello: { url: 'http://127.0.0.1:2', token: TOKEN },
    });
    const broken = await nimbus(['profile', 'edit', 'lab', '--unset', 'hello.token']);
    expect(broken.error?.oclif?.exit).toBe(2);
    expect((await storedProfiles()).profiles.lab).toEqual({
      hello: { url: 'http://127.0.0.1:2', token: TOKEN },
    });
    const nothing = await nimbus(['profile', 'edit', 'lab']);
    expect(nothing.stderr).toContain('Nothing to change');
  });

  it('edit --unset of a whole section removes it', async () => {
    const { stdout } = await nimbus(['profile', 'edit', 'shell', '--unset', 'hello', '--json']);
    expect(JSON.parse(stdout).sections).toEqual({});
  });

  it('list prints a JSON array and a table marking the active profile', async () => {
    const json = await nimbus(['profile', 'list', '--json']);
    expect(JSON.parse(json.stdout)).toEqual([
      { name: 'lab', active: true, providers: ['hello'] },
      { name: 'shell', active: false, providers: [] },
    ]);
    const table = await nimbus(['profile', 'list']);
    expect(table.stdout).toBe('   NAME   PROVIDERS\n*  lab    hello\n   shell\n');
  });

  it('use switches the active profile; delete of the active one clears it', async () => {
    expect((await nimbus(['profile', 'use', 'shell'])).stdout).toBe('Active profile: shell\n');
    expect((await storedProfiles()).active).toBe('shell');
    const deleted = await nimbus(['profile', 'delete', 'shell', '--json']);
    expect(JSON.parse(deleted.stdout)).toEqual({ name: 'shell', deleted: true });
    expect((await storedProfiles()).active).toBeUndefined();
    const missing = await nimbus(['profile', 'delete', 'shell']);
    expect(missing.error?.oclif?.exit).toBe(4);
  });
});
