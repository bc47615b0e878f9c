import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNimbus } from '../../../test-support/run-cli.js';
import { cliRoot, createIsolatedHome, type IsolatedHome } from './support/isolated-home.js';

// The README and `nimbus --help` describe what exists: the README's package table names exactly
// the workspace's packages, and the CLI's help lists a topic for every bundled provider plugin.
const repoRoot = join(cliRoot, '..', '..');
const packages = readdirSync(join(repoRoot, 'packages')).map((dir) => ({
  dir,
  manifest: JSON.parse(readFileSync(join(repoRoot, 'packages', dir, 'package.json'), 'utf8')) as {
    name: string;
    nimbus?: { plugin?: string };
  },
}));
let home: IsolatedHome;

beforeAll(async () => {
  home = await createIsolatedHome();
});
afterAll(async () => {
  await home?.remove();
});

describe('docs that describe what exists', () => {
  it("the README's package table names each workspace package once, linked to its directory", () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const rows = [...readme.matchAll(/^\| \[`(@nimbus-sdk\/[a-z0-9-]+)`\]\(packages\/([a-z0-9-]+)\)/gm)];
    expect(
      rows.map(([, name = '', dir = '']) => ({ name, dir })).sort((a, b) => a.dir.localeCompare(b.dir)),
    ).toEqual(
      packages
        .map(({ dir, manifest }) => ({ name: manifest.name, dir }))
        .sort((a, b) => a.dir.localeCompare(b.dir)),
    );
  });

  it('nimbus --help lists a topic for every bundled provider, and the CLI says which it bundles', async () => {
    const providers = packages
      .filter(({ manifest }) => manifest.nimbus?.plugin !== undefined)
      .map(({ dir }) => dir);
    expect(providers.length).toBeGreaterThan(0);
    const help = await runNimbus(['--help'], home.env);
    expect(help.code, help.stderr).toBe(0);
    for (const topic of providers) expect(help.stdout).toMatch(new RegExp(`^ {2}${topic} +\\S`, 'm'));
    const cli = JSON.parse(readFileSync(join(cliRoot, 'package.json'), 'utf8')) as {
      oclif: { plugins: string[] };
    };
    expect(cli.oclif.plugins.filter((name) => name.startsWith('@nimbus-sdk/')).sort()).toEqual(
      packages
        .filter(({ manifest }) => manifest.nimbus?.plugin !== undefined)
        .map(({ manifest }) => manifest.name)
        .sort(),
    );
  });
});
