import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNimbus } from '../../../test-support/run-cli.js';
import { createIsolatedHome, type IsolatedHome } from './support/isolated-home.js';
import { processesWithHome } from './support/leftover-processes.js';

let home: IsolatedHome;

/** Writes and links a plugin whose nimbus entry is `source`. */
async function linkPlugin(name: string, source: string): Promise<void> {
  const dir = join(home.root, name);
  await mkdir(dir, { recursive: true });
  await writeFile(
    join(dir, 'package.json'),
    JSON.stringify({ name, version: '1.0.0', type: 'module', oclif: {}, nimbus: { plugin: './plugin.js' } }),
  );
  await writeFile(join(dir, 'plugin.js'), source);
  const link = await runNimbus(['plugins', 'link', dir, '--no-install'], home.env);
  expect(link.code, link.stderr).toBe(0);
}

beforeAll(async () => {
  home = await createIsolatedHome();
  const link = await runNimbus(['plugins', 'link', home.helloPluginDir, '--no-install'], home.env);
  expect(link.code, link.stderr).toBe(0);
  await linkPlugin('nimbus-provider-misshapen', "export default { name: 'Not A Name' };\n");
  await linkPlugin('nimbus-provider-throws', "throw new Error('cannot initialise');\n");
  await linkPlugin(
    'nimbus-provider-faulty',
    [
      'export default {',
      "  name: 'zz-faulty', title: 'Faulty (sorts after hello, so hello is already up when it fails)', profile: { fields: {} }, demo: [],",
      "  async startSandbox() { throw new Error('port 1 is taken'); },",
      '};',
      '',
    ].join('\n'),
  );
});
afterAll(async () => {
  await home.remove();
});

describe('provider plugins that are broken', () => {
  it('are skipped with a warning naming each one, and the others keep working', async () => {
    const run = await runNimbus(
      [
        'profile',
        'create',
        'ok',
        '--set',
        'hello.url=http://127.0.0.1:1',
        '--set',
        'hello.token=abc',
        '--json',
      ],
      home.env,
    );
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).sections.hello.url).toBe('http://127.0.0.1:1');
    expect(run.stderr).toContain('nimbus-provider-misshapen: ./plugin.js needs a lower-case name; skipped');
    expect(run.stderr).toContain('nimbus-provider-throws: cannot load ./plugin.js: cannot initialise');
  });

  it('a sandbox whose provider fails to start stops what it started and says which failed', async () => {
    const up = await runNimbus(
      ['sandbox', 'up', '--detach', '--no-s3', '--provider', 'hello', '--provider', 'zz-faulty'],
      home.env,
    );
    expect(up.code).toBe(1);
    expect(up.stderr).toMatch(
      /The background sandbox exited \(code 1\): .*zz-faulty emulator did not start: port 1 is taken/,
    );
    expect(await processesWithHome(home.env.HOME as string)).toEqual([]);
    const status = await runNimbus(['sandbox', 'status', '--json'], home.env);
    expect(JSON.parse(status.stdout)).toEqual({ running: false });
  });
});
