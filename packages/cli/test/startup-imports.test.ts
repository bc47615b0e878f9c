import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type DciEmulator, startDciEmulator } from '@nimbus-sdk/dci/emulator';
import { type SmartdcEmulator, startSmartdcEmulator } from '@nimbus-sdk/smartdc/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNimbus } from '../../../test-support/run-cli.js';
import { createIsolatedHome, type IsolatedHome } from './support/isolated-home.js';

// Start-up cost is mostly the number of modules a run loads (each ESM file costs the loader
// ~0.5 ms on Node 20), so these tests keep each measured command under a module budget and pin
// what it must never load. They count modules instead of timing anything. A budget is the count
// measured when it was set plus a little room: raise it only with the reason in the commit.
const BUDGET = {
  version: 2, // measured 1 (bin/run.js)
  help: 8, // measured 5
  dciTopicList: 45, // measured 37 from dist/bundle (360 as separate modules)
  smartdcMachineList: 85, // measured 72 from dist/bundle, sshpk's ~30 included (389 as separate modules)
};

let home: IsolatedHome;
let dci: DciEmulator;
let cloudapi: SmartdcEmulator;
let smartdcEnv: NodeJS.ProcessEnv;
let tracer: string;

beforeAll(async () => {
  home = await createIsolatedHome();
  dci = await startDciEmulator();
  cloudapi = await startSmartdcEmulator({ seed: { login: 'jill', machines: 3 } });
  // Key file auth as node-triton users have it: a key in ~/.ssh named by its fingerprint.
  const sshDir = join(home.env.HOME as string, '.ssh');
  await mkdir(sshDir, { recursive: true, mode: 0o700 });
  const keyFile = join(sshDir, 'id_ecdsa');
  await promisify(execFile)('ssh-keygen', [
    '-q',
    '-t',
    'ecdsa',
    '-b',
    '256',
    '-m',
    'PEM',
    '-N',
    '',
    '-f',
    keyFile,
  ]);
  const key = cloudapi.addKey(await readFile(`${keyFile}.pub`, 'utf8'));
  smartdcEnv = { SDC_URL: cloudapi.url, SDC_ACCOUNT: 'jill', SDC_KEY_ID: key.fingerprint };
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
  await cloudapi?.close();
  await home?.remove();
});

let runs = 0;

/** Runs nimbus; returns its exit and every module it loaded from disk (not node: built-ins), once. */
async function traced(
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; stdout: string; stderr: string; modules: string[] }> {
  const file = join(home.root, `trace-${++runs}.txt`);
  await writeFile(file, '');
  const run = await runNimbus(args, {
    ...home.env,
    ...env,
    NIMBUS_TRACE_FILE: file,
    NODE_OPTIONS: `--import=${tracer}`,
  });
  const urls = (await readFile(file, 'utf8')).split('\n').filter((url) => url.startsWith('file:'));
  // The tracer's own two files are not nimbus's.
  const modules = [...new Set(urls)].filter((url) => !url.includes('/trace-'));
  return { code: run.code, stdout: run.stdout, stderr: run.stderr, modules };
}

const dciTopicList = () => [
  ...['dci', 'topic', 'list', '--json'],
  ...['--dci-cs-url', dci.url, '--dci-login', 'admin', '--dci-password', 'admin'],
];
const commandModules = (modules: readonly string[]) =>
  modules
    .filter((url) => url.includes('/dist/commands/'))
    .map((url) => url.replace(/.*\/dist\/commands\//, ''));
const fromPackage = (modules: readonly string[], name: string) =>
  modules.filter((url) => new RegExp(`/node_modules/(\\.pnpm/[^/]+/node_modules/)?${name}/`).test(url));
/** Modules of a workspace package, or of its commands' copy in the CLI's dist/bundle. */
const fromWorkspacePackage = (modules: readonly string[], name: string) =>
  modules.filter(
    (url) => url.includes(`/packages/${name}/`) || url.includes(`/dist/bundle/@nimbus-sdk/${name}/`),
  );
const oclifIndex = (modules: readonly string[]) =>
  modules.filter((url) => url.endsWith('/@oclif/core/lib/index.js'));

describe('what a nimbus run loads', () => {
  it('--version reads package.json and loads nothing else', async () => {
    const run = await traced(['--version']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.modules.some((url) => url.endsWith('/bin/run.js'))).toBe(true);
    expect(fromPackage(run.modules, '@oclif/core')).toEqual([]);
    expect(run.modules.length, run.modules.join('\n')).toBeLessThanOrEqual(BUDGET.version);
  });

  it('--help is printed from the start-up index: no oclif, no manifest walk, no command', async () => {
    const run = await traced(['--help']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.modules.some((url) => url.endsWith('/dist/entry/print-root-help.js'))).toBe(true);
    expect(fromPackage(run.modules, '@oclif/core')).toEqual([]);
    expect(commandModules(run.modules)).toEqual([]);
    expect(run.modules.length, run.modules.join('\n')).toBeLessThanOrEqual(BUDGET.help);
  });

  it('with a user plugin linked, --help and dci run from dist/entry and still load no sshpk or AWS SDK', async () => {
    const link = await runNimbus(['plugins', 'link', home.helloPluginDir, '--no-install'], home.env);
    expect(link.code, link.stderr).toBe(0);
    try {
      const list = await traced(dciTopicList());
      expect(list.code, list.stderr).toBe(0);
      expect(list.modules.filter((url) => url.includes('/dist/bundle/'))).toEqual([]);
      expect(commandModules(list.modules)).toContain('dci/topic/list.js');
      expect(fromPackage(list.modules, 'sshpk')).toEqual([]);
      expect(fromPackage(list.modules, '@aws-sdk/[^/]+')).toEqual([]);
      const run = await traced(['--help']);
      expect(run.code, run.stderr).toBe(0);
      // The tracer must have seen oclif here, or the empty lists above would prove nothing.
      expect(fromPackage(run.modules, '@oclif/core').length).toBeGreaterThan(10);
      expect(run.stdout).toContain('hello');
      // oclif imports every command of a linked plugin (it has no manifest), but no bundled one.
      for (const provider of ['dci', 'ims', 'naas', 's3aas', 'smartdc']) {
        expect(fromWorkspacePackage(run.modules, provider), provider).toEqual([]);
      }
      expect(fromPackage(run.modules, 'zod')).toEqual([]);
    } finally {
      const unlink = await runNimbus(['plugins', 'unlink', 'nimbus-provider-hello'], home.env);
      expect(unlink.code, unlink.stderr).toBe(0);
    }
  });

  it('dci topic list (basic auth) loads its own command, and no sshpk, AWS SDK or other provider', async () => {
    const run = await traced(dciTopicList());
    expect(run.code, run.stderr).toBe(0);
    expect(run.modules.some((url) => url.includes('/dist/bundle/'))).toBe(true);
    expect(commandModules(run.modules)).toEqual(['dci/topic/list.js']);
    expect(fromPackage(run.modules, 'sshpk')).toEqual([]);
    expect(fromPackage(run.modules, '@aws-sdk/[^/]+')).toEqual([]);
    expect(oclifIndex(run.modules)).toEqual([]);
    for (const other of ['ims', 'naas', 's3aas', 'smartdc']) {
      expect(fromWorkspacePackage(run.modules, other), other).toEqual([]);
    }
    expect(run.modules.length).toBeLessThanOrEqual(BUDGET.dciTopicList);
  });

  it('smartdc machine list (key file) loads its own command, and no AWS SDK or other provider', async () => {
    const run = await traced(['smartdc', 'machine', 'list', '--json'], smartdcEnv);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toHaveLength(3);
    expect(commandModules(run.modules)).toEqual(['smartdc/machine/list.js']);
    expect(fromPackage(run.modules, '@aws-sdk/[^/]+')).toEqual([]);
    expect(oclifIndex(run.modules)).toEqual([]);
    for (const other of ['dci', 'ims', 'naas', 's3aas']) {
      expect(fromWorkspacePackage(run.modules, other), other).toEqual([]);
    }
    expect(run.modules.length).toBeLessThanOrEqual(BUDGET.smartdcMachineList);
  });

  it('an alias (instance ls) runs the same bundled command, not the unbundled copy with another oclif', async () => {
    const run = await traced(['smartdc', 'instance', 'ls', '--json'], smartdcEnv);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toHaveLength(3);
    expect(commandModules(run.modules)).toEqual(['smartdc/machine/list.js']);
    expect(run.modules.filter((url) => url.includes('/packages/core/dist/'))).toEqual([]);
    expect(run.modules.length).toBeLessThanOrEqual(BUDGET.smartdcMachineList);
  });
});
