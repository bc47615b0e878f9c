import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type DciEmulator, startDciEmulator } from '@nimbus-sdk/dci/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNimbus } from '../../../test-support/run-cli.js';
import { createIsolatedHome, type IsolatedHome } from './support/isolated-home.js';

// Start-up cost is mostly the number of modules a run loads, so these tests pin what a run must
// not load: --help no command at all (the manifests describe them), and no command sshpk or the
// @oclif/core index (semver) unless it signs. They count modules instead of timing anything.
let home: IsolatedHome;
let dci: DciEmulator;
let tracer: string;

beforeAll(async () => {
  home = await createIsolatedHome();
  dci = await startDciEmulator();
  // ESM loads are seen through a loader hook (it runs off the main thread, so it appends to a
  // file); CommonJS ones (oclif, sshpk) are in require.cache when the process exits.
  const hooks = join(home.root, 'trace-hooks.mjs');
  await writeFile(
    hooks,
    `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  appendFileSync(process.env.NIMBUS_TRACE_FILE, url + '\\n');
  return next(url, context);
}
`,
  );
  tracer = join(home.root, 'trace-modules.mjs');
  await writeFile(
    tracer,
    `import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';
register(${JSON.stringify(hooks)}, pathToFileURL(${JSON.stringify(hooks)}));
process.on('exit', () => {
  const loaded = Object.keys(createRequire(import.meta.url).cache).map((path) => pathToFileURL(path).href);
  appendFileSync(process.env.NIMBUS_TRACE_FILE, loaded.join('\\n') + '\\n');
});
`,
  );
});
afterAll(async () => {
  await dci?.close();
  await home?.remove();
});

let runs = 0;

/** Runs nimbus and returns its exit and every module URL it loaded. */
async function traced(args: readonly string[]): Promise<{ code: number; stderr: string; modules: string[] }> {
  const file = join(home.root, `trace-${++runs}.txt`);
  await writeFile(file, '');
  const run = await runNimbus(args, {
    ...home.env,
    NIMBUS_TRACE_FILE: file,
    NODE_OPTIONS: `--import=${tracer}`,
  });
  const modules = (await readFile(file, 'utf8')).split('\n').filter(Boolean);
  return { code: run.code, stderr: run.stderr, modules };
}

const commandModules = (modules: readonly string[]) =>
  modules.filter((url) => url.includes('/dist/commands/'));
const fromPackage = (modules: readonly string[], name: string) =>
  modules.filter((url) => new RegExp(`/node_modules/(\\.pnpm/[^/]+/node_modules/)?${name}/`).test(url));

describe('what a nimbus run loads', () => {
  it('--help loads no command module, no SDK and not the @oclif/core index', async () => {
    const run = await traced(['--help']);
    expect(run.code, run.stderr).toBe(0);
    // The tracer itself must have seen oclif, or an empty list would prove nothing.
    expect(fromPackage(run.modules, '@oclif/core').length).toBeGreaterThan(10);
    expect(commandModules(run.modules)).toEqual([]);
    expect(fromPackage(run.modules, 'zod')).toEqual([]);
    expect(fromPackage(run.modules, 'sshpk')).toEqual([]);
    expect(run.modules.filter((url) => url.endsWith('/@oclif/core/lib/index.js'))).toEqual([]);
  });

  it('a DCI list with basic auth loads only its own command and no sshpk', async () => {
    const run = await traced([
      'dci',
      'topic',
      'list',
      '--json',
      '--dci-cs-url',
      dci.url,
      '--dci-login',
      'admin',
      '--dci-password',
      'admin',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(commandModules(run.modules).map((url) => url.replace(/.*\/dist\/commands\//, ''))).toEqual([
      'dci/topic/list.js',
    ]);
    expect(fromPackage(run.modules, 'sshpk')).toEqual([]);
    expect(run.modules.filter((url) => url.endsWith('/@oclif/core/lib/index.js'))).toEqual([]);
  });
});
