import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNimbus } from '../../../test-support/run-cli.js';
// The fixture's own emulator, so this test talks real HTTP without the sandbox.
import { startGreetingsEmulator } from './fixtures/hello-provider/greetings-emulator.js';
import { createIsolatedHome, type IsolatedHome } from './support/isolated-home.js';

const TOKEN = 'hello-token-0123456789';
let home: IsolatedHome;
let emulator: { url: string; close(): Promise<void> };

beforeAll(async () => {
  home = await createIsolatedHome();
  emulator = await startGreetingsEmulator(TOKEN);
  const link = await runNimbus(['plugins', 'link', home.helloPluginDir, '--no-install'], home.env);
  expect(link.code, link.stderr).toBe(0);
});
afterAll(async () => {
  await emulator.close();
  await home.remove();
});

describe('a third-party provider plugin linked with `nimbus plugins link`', () => {
  it('is listed by `nimbus plugins` and shows its topic in --help, with no change to the CLI', async () => {
    const plugins = await runNimbus(['plugins'], home.env);
    expect(plugins.stdout).toContain('nimbus-provider-hello');
    const help = await runNimbus(['--help'], home.env);
    expect(help.stdout).toMatch(/^ {2}hello +Greetings service \(test provider\)/m);
  });

  it('runs its command, which extends NimbusCommand, against a real server', async () => {
    const run = await runNimbus(
      ['hello', 'greeting', 'list', '--hello-url', emulator.url, '--hello-token', TOKEN, '--json'],
      home.env,
    );
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).map((g: { id: string }) => g.id)).toEqual(['g1', 'g2', 'g3']);
  });

  it('reads its settings from the environment variables its plugin declares', async () => {
    const env = { ...home.env, HELLO_URL: emulator.url, HELLO_TOKEN: TOKEN };
    const run = await runNimbus(['hello', 'greeting', 'get', 'g2', '--columns', 'text'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('text  bonjour\n');
  });

  it('maps its HTTP errors to exit codes and keeps the token out of --debug output', async () => {
    const env = { ...home.env, HELLO_URL: emulator.url, HELLO_TOKEN: TOKEN };
    const missing = await runNimbus(['hello', 'greeting', 'get', 'g9'], env);
    expect(missing.code).toBe(4);
    expect(missing.stderr).toMatch(/^Error: HTTP 404: no greeting g9 .*\n$/);
    const denied = await runNimbus(
      ['hello', 'greeting', 'list', '--hello-token', 'wrong-token-abcdef', '--debug'],
      env,
    );
    expect(denied.code).toBe(3);
    expect(denied.stderr).toContain('"authorization":"[REDACTED]"');
    expect(denied.stderr).not.toContain('wrong-token-abcdef');
  });

  it('lets profiles validate and mask its section through its ProfileSectionSpec', async () => {
    const bad = await runNimbus(['profile', 'create', 'lab', '--set', 'hello.colour=red'], home.env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('hello.colour unknown setting; hello knows url, token');
    expect(bad.stderr).toContain('hello.url required');
    const create = await runNimbus(
      [
        'profile',
        'create',
        'lab',
        '--set',
        `hello.url=${emulator.url}`,
        '--set',
        `hello.token=${TOKEN}`,
        '--use',
      ],
      home.env,
    );
    expect(create.code, create.stderr).toBe(0);
    expect(create.stdout).not.toContain(TOKEN);
    const show = await runNimbus(['profile', 'show', '--json'], home.env);
    expect(JSON.parse(show.stdout)).toEqual({
      name: 'lab',
      active: true,
      sections: { hello: { url: emulator.url, token: '********' } },
    });
    const list = await runNimbus(['hello', 'greeting', 'list', '--no-header', '--columns', 'id'], home.env);
    expect(list.stdout).toBe('g1\ng2\ng3\n');
  });

  it('disappears again with `nimbus plugins unlink`', async () => {
    const unlink = await runNimbus(['plugins', 'unlink', 'nimbus-provider-hello'], home.env);
    expect(unlink.code, unlink.stderr).toBe(0);
    const help = await runNimbus(['--help'], home.env);
    expect(help.stdout).not.toMatch(/^ {2}hello /m);
    const run = await runNimbus(['hello', 'greeting', 'list'], home.env);
    expect(run.code).toBe(2);
  });
});
