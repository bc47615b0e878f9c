import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNimbus } from '../../../test-support/run-cli.js';
import { createIsolatedHome, type IsolatedHome } from './support/isolated-home.js';

// dcictl --version habit: `nimbus <provider> --version` names the provider package that answers.
let home: IsolatedHome;
beforeAll(async () => {
  home = await createIsolatedHome();
});
afterAll(async () => {
  await home.remove();
});

const require = createRequire(import.meta.url);
async function packageOf(name: string): Promise<{ name: string; version: string }> {
  return JSON.parse(await readFile(require.resolve(`${name}/package.json`), 'utf8'));
}

describe('nimbus <provider> --version', () => {
  it.each(['dci', 'smartdc', 'ims', 'naas', 's3aas'])(
    'prints the %s package name and version and exits 0',
    async (provider) => {
      const pjson = await packageOf(`@nimbus-sdk/${provider}`);
      const run = await runNimbus([provider, '--version'], home.env);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(`${pjson.name}/${pjson.version}\n`);
    },
  );

  it('prints it as JSON with --json', async () => {
    const pjson = await packageOf('@nimbus-sdk/dci');
    const run = await runNimbus(['dci', '--version', '--json'], home.env);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ name: pjson.name, version: pjson.version });
  });

  it('keeps -v a usage error on a topic (triton users mean verbose by it)', async () => {
    const run = await runNimbus(['smartdc', '-v'], home.env);
    expect(run.code).toBe(2);
  });

  it('leaves nimbus --version and a subtopic with --version as they were', async () => {
    expect((await runNimbus(['--version'], home.env)).stdout).toMatch(/^@nimbus-sdk\/cli\//);
    expect((await runNimbus(['dci', 'job', '--version'], home.env)).code).toBe(2);
  });
});
