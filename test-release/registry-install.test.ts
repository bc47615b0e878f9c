import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type InstalledFootprint, installedFootprint } from './installed-footprint.js';
import { type InstalledService, runInstalledScript, startInstalledService } from './installed-script.js';
import { type LocalRegistry, startLocalRegistry } from './local-registry.js';
import { freshNpmEnvironment } from './npm-environment.js';
import {
  changesetVersion,
  makeReleaseCopy,
  type ReleaseCopy,
  rebuildOclifManifests,
  versionsOf,
} from './release-copy.js';
import { runChecked, runCommand } from './run-command.js';
import {
  providerPackages,
  publishedPackages,
  repoRoot,
  type WorkspacePackage,
} from './workspace-packages.js';

const packages = publishedPackages();
const cliPackage = packages.find(({ manifest }) => manifest.bin?.nimbus !== undefined) as WorkspacePackage;
const libraries = packages.filter((p) => p !== cliPackage);
const bundled = new Set(cliPackage.manifest.oclif?.plugins ?? []);
const providers = providerPackages();
// Providers the CLI does not bundle are installed as plugins; with none, a bundled one is re-installed.
const unbundled = providers.filter(({ manifest }) => !bundled.has(manifest.name));
const pluginsToInstall = unbundled.length > 0 ? unbundled : providers.slice(0, 1);
const topicsOf = (p: WorkspacePackage) => Object.keys(p.manifest.oclif?.topics ?? {});

const work = mkdtempSync(join(tmpdir(), 'nimbus-registry-'));
let copy: ReleaseCopy | undefined;
let registry: LocalRegistry | undefined;
let versions: Map<string, string>;
const footprints = new Map<string, InstalledFootprint>();
const timings: [string, number][] = [];

async function timed<T>(label: string, step: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await step();
  } finally {
    timings.push([label, Math.round(performance.now() - start)]);
  }
}

/** A new, empty project folder with its own HOME and npm cache, pointed at the local registry. */
function freshProject(name: string): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name, private: true, type: 'module' })}\n`);
  return { dir, env: freshNpmEnvironment(join(work, `${name}-home`), (registry as LocalRegistry).url) };
}

const installs = new Map<string, { dir: string; env: NodeJS.ProcessEnv }>();

/** `npm install <name>` alone in a fresh project (once per name), recording what it put on disk. */
async function installedAlone(name: string): Promise<{ dir: string; env: NodeJS.ProcessEnv }> {
  const known = installs.get(name);
  if (known) return known;
  const project = freshProject(`${name.split('/').at(-1)}-alone`);
  await timed(`npm i ${name}`, () =>
    runChecked('npm', ['install', name], { cwd: project.dir, env: project.env }),
  );
  footprints.set(name, installedFootprint(join(project.dir, 'node_modules')));
  installs.set(name, project);
  return project;
}

beforeAll(async () => {
  copy = makeReleaseCopy();
  await timed('changeset version + oclif manifests (temp copy)', async () => {
    await changesetVersion((copy as ReleaseCopy).root);
    await rebuildOclifManifests((copy as ReleaseCopy).root);
  });
  versions = versionsOf(copy.root);
  const upstream = (
    await runChecked('npm', ['config', 'get', 'registry'], { cwd: repoRoot, env: process.env })
  ).stdout.trim();
  registry = await timed('start verdaccio', () =>
    startLocalRegistry({ dir: join(work, 'registry'), upstream }),
  );
  const env = freshNpmEnvironment(join(work, 'publisher-home'), registry.url);
  await timed('pnpm publish (all)', async () => {
    for (const { dir } of packages) {
      await runChecked(
        'pnpm',
        ['publish', '--no-git-checks', '--registry', (registry as LocalRegistry).url],
        {
          cwd: join((copy as ReleaseCopy).root, 'packages', dir),
          env,
        },
      );
    }
  });
});

afterAll(async () => {
  await registry?.close();
  copy?.remove();
  rmSync(work, { recursive: true, force: true });
  const lines = [...footprints].map(
    ([spec, f]) => `| \`${spec}\` | ${f.packages} | ${(f.bytes / 2 ** 20).toFixed(1)} MiB |`,
  );
  const report = [
    '| installed alone | packages | size on disk |',
    '| --- | ---: | ---: |',
    ...lines,
    '',
    ...timings.map(([label, ms]) => `- ${label}: ${(ms / 1000).toFixed(1)} s`),
  ].join('\n');
  mkdirSync(join(repoRoot, 'node_modules', '.cache', 'nimbus-release'), { recursive: true });
  writeFileSync(
    join(
      repoRoot,
      'node_modules',
      '.cache',
      'nimbus-release',
      `install-footprint-node${process.versions.node}.md`,
    ),
    `${report}\n`,
  );
  console.log(`registry install test, Node ${process.version}\n${report}`);
});

describe('a release published to a local Verdaccio', () => {
  it('serves every package at the version changesets gave it', async () => {
    for (const { manifest } of packages) {
      const response = await fetch(`${registry?.url}${manifest.name.replace('/', '%2f')}`);
      expect(response.status, manifest.name).toBe(200);
      const document = (await response.json()) as { 'dist-tags': { latest: string } };
      expect(document['dist-tags'].latest).toBe(versions.get(manifest.name));
    }
  });

  it('installs @nimbus-sdk/dci alone: the SDK lists topics from its own ./emulator, with no oclif and no sshpk', async () => {
    const project = await installedAlone('@nimbus-sdk/dci');
    const installed = footprints.get('@nimbus-sdk/dci') as InstalledFootprint;
    expect([...installed.names].filter((name) => name.startsWith('@oclif/'))).toEqual([]);
    expect(installed.names.has('sshpk')).toBe(false);
    const run = await runInstalledScript(
      project.dir,
      'list-topics.mjs',
      `import { createDciClient } from '@nimbus-sdk/dci';
import { startDciEmulator } from '@nimbus-sdk/dci/emulator';
const emulator = await startDciEmulator();
try {
  const { clientId, apiSecret } = emulator.seed.remoteci;
  const dci = createDciClient({ url: emulator.url, auth: { type: 'signature', clientId, apiSecret } });
  const topics = [];
  for await (const topic of dci.topics.list()) topics.push(topic.id);
  console.log(JSON.stringify({ seeded: emulator.seed.topic, topics }));
} finally {
  await emulator.close();
}
`,
      project.env,
    );
    expect(run.stderr).toBe('');
    const { seeded, topics } = JSON.parse(run.stdout) as { seeded: string; topics: string[] };
    expect(topics).toContain(seeded);
  });

  it.each(libraries.map((p) => [p.manifest.name, p] as const))(
    'installs %s alone and imports its SDK entry without any optional peer',
    async (name, { manifest }) => {
      const project = await installedAlone(name);
      const optionalPeers = Object.keys(manifest.peerDependenciesMeta ?? {});
      const installed = footprints.get(name) as InstalledFootprint;
      const dependencies = new Set(Object.keys(manifest.dependencies ?? {}));
      // npm installs an optional peer only when a package in the tree depends on it for real.
      for (const peer of optionalPeers.filter((p) => !dependencies.has(p))) {
        expect(installed.names.has(peer), `${name} pulled in ${peer}`).toBe(false);
      }
      const version = JSON.parse(
        readFileSync(join(project.dir, 'node_modules', name, 'package.json'), 'utf8'),
      ).version;
      expect(version).toBe(versions.get(name));
      const run = await runInstalledScript(
        project.dir,
        'import-entry.mjs',
        `const sdk = await import(${JSON.stringify(name)});\nconsole.log(Object.keys(sdk).length);\n`,
        project.env,
      );
      expect(run.stderr).toBe('');
      expect(Number(run.stdout)).toBeGreaterThan(0);
    },
  );

  it('@nimbus-sdk/core without sshpk: HTTP Signature keys fail with a ConfigError that says what to install', async () => {
    const run = await runInstalledScript(
      (await installedAlone('@nimbus-sdk/core')).dir,
      'fingerprint.mjs',
      `import { generateKeyPairSync } from 'node:crypto';
import { fingerprintMd5 } from '@nimbus-sdk/core';
const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
try {
  console.log(JSON.stringify({ fingerprint: fingerprintMd5(publicKey.export({ type: 'spki', format: 'pem' })) }));
} catch (error) {
  console.log(JSON.stringify({ code: error.code, message: error.message }));
}
`,
      freshNpmEnvironment(join(work, 'core-alone-home'), (registry as LocalRegistry).url),
    );
    expect(JSON.parse(run.stdout)).toEqual({
      code: 'CONFIG',
      message: expect.stringContaining('npm install sshpk@^1.18.0'),
    });
  });

  it('the HTTP Signature provider brings sshpk, and core finds it in an npm install', async () => {
    const signing = providers.filter(({ manifest }) => manifest.dependencies?.sshpk !== undefined);
    expect(signing.length).toBeGreaterThan(0);
    for (const { manifest } of signing) {
      const { dir } = await installedAlone(manifest.name);
      const run = await runInstalledScript(
        dir,
        'fingerprint.mjs',
        `import { generateKeyPairSync } from 'node:crypto';
import { fingerprintMd5 } from '@nimbus-sdk/core';
const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
console.log(fingerprintMd5(publicKey.export({ type: 'spki', format: 'pem' })));
`,
        freshNpmEnvironment(join(work, 'signing-home'), (registry as LocalRegistry).url),
      );
      expect(run.stderr).toBe('');
      expect(run.stdout.trim()).toMatch(/^([0-9a-f]{2}:){15}[0-9a-f]{2}$/);
    }
  });

  describe('npm i -g @nimbus-sdk/cli', () => {
    let env: NodeJS.ProcessEnv;
    let prefix: string;
    let emulator: InstalledService<{ url: string; clientId: string; apiSecret: string; seeded: string }>;
    const nimbus = (args: string[], extraEnv: NodeJS.ProcessEnv = {}) =>
      runCommand(join(prefix, 'bin', 'nimbus'), args, { cwd: work, env: { ...env, ...extraEnv } });

    beforeAll(async () => {
      const home = join(work, 'cli-home');
      prefix = join(work, 'global');
      env = freshNpmEnvironment(home, (registry as LocalRegistry).url);
      env.PATH = `${join(prefix, 'bin')}:${env.PATH}`;
      await timed('npm i -g @nimbus-sdk/cli', () =>
        runChecked('npm', ['install', '--global', '--prefix', prefix, cliPackage.manifest.name], {
          cwd: work,
          env,
        }),
      );
      footprints.set(
        `${cliPackage.manifest.name} (-g)`,
        installedFootprint(join(prefix, 'lib', 'node_modules')),
      );
      emulator = await startInstalledService(
        (await installedAlone('@nimbus-sdk/dci')).dir,
        'dci-emulator.mjs',
        `import { startDciEmulator } from '@nimbus-sdk/dci/emulator';
const emulator = await startDciEmulator();
const { clientId, apiSecret } = emulator.seed.remoteci;
console.log(JSON.stringify({ url: emulator.url, clientId, apiSecret, seeded: emulator.seed.topic }));
process.stdin.resume();
process.stdin.on('end', () => emulator.close().then(() => process.exit(0)));
`,
        freshNpmEnvironment(join(work, 'emulator-home'), (registry as LocalRegistry).url),
      );
    });
    afterAll(() => emulator?.stop());

    it('nimbus --version names the released CLI', async () => {
      const run = await nimbus(['--version']);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`${cliPackage.manifest.name}/${versions.get(cliPackage.manifest.name)}`);
    });

    it('nimbus --help lists the topics of every bundled provider', async () => {
      const run = await nimbus(['--help']);
      expect(run.code).toBe(0);
      const bundledProviders = providers.filter(({ manifest }) => bundled.has(manifest.name));
      expect(bundledProviders.length).toBeGreaterThan(0);
      for (const provider of bundledProviders) {
        for (const topic of topicsOf(provider))
          expect(run.stdout).toMatch(new RegExp(`^\\s+${topic}\\s`, 'm'));
      }
    });

    it('nimbus dci topic list --json reads a started emulator', async () => {
      const { url, clientId, apiSecret, seeded } = emulator.ready;
      const run = await nimbus(['dci', 'topic', 'list', '--json'], {
        DCI_CS_URL: url,
        DCI_CLIENT_ID: clientId,
        DCI_API_SECRET: apiSecret,
      });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect((JSON.parse(run.stdout) as { id: string }[]).map((topic) => topic.id)).toContain(seeded);
    });

    it.each(pluginsToInstall.map((p) => [p.manifest.name, p] as const))(
      'nimbus plugins install %s from the registry, then its commands run',
      async (name, provider) => {
        const install = await timed(`nimbus plugins install ${name}`, () =>
          nimbus(['plugins', 'install', name]),
        );
        expect(install.stderr).not.toMatch(/error/i);
        expect(install.code).toBe(0);
        const inspect = await nimbus(['plugins', 'inspect', name, '--json']);
        expect(inspect.code).toBe(0);
        const [details] = JSON.parse(inspect.stdout) as { root: string; version: string }[];
        // Installed as a user plugin under the CLI's data dir, at the version just published.
        expect(details?.root).toContain(join(env.XDG_DATA_HOME as string, 'nimbus'));
        expect(details?.version).toBe(versions.get(name));
        for (const topic of topicsOf(provider)) {
          const demo = await timed(`nimbus sandbox demo --provider ${topic}`, () =>
            nimbus(['sandbox', 'demo', '--provider', topic, '--json']),
          );
          expect(demo.code, demo.stdout + demo.stderr).toBe(0);
          const steps = JSON.parse(demo.stdout) as { provider: string; exitCode: number }[];
          expect(steps.length).toBeGreaterThan(0);
          expect(steps.every((step) => step.provider === topic && step.exitCode === 0)).toBe(true);
        }
      },
    );
  });
});
