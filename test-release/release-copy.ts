import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  realpathSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { runChecked } from './run-command.js';
import { publishedPackages, readManifest, repoRoot } from './workspace-packages.js';

/** A throwaway copy of the workspace's release inputs, where versioning and publishing may happen. */
export interface ReleaseCopy {
  root: string;
  remove(): void;
}

const changesetBin = join(repoRoot, 'node_modules', '@changesets', 'cli', 'bin.js');

/**
 * Copies what a release reads (root manifest, workspace file, .changeset/, every package with its
 * built dist/ but without node_modules) to a temp folder and links each package's dependencies, so
 * versioning, manifest generation and `pnpm pack`/`pnpm publish` (which turn `workspace:` ranges
 * into versions) run there. The checkout itself is never versioned.
 */
export function makeReleaseCopy(): ReleaseCopy {
  const root = mkdtempSync(join(tmpdir(), 'nimbus-release-'));
  for (const file of ['package.json', 'pnpm-workspace.yaml', '.changeset']) {
    cpSync(join(repoRoot, file), join(root, file), { recursive: true });
  }
  const packages = publishedPackages();
  for (const { dir } of packages) {
    const from = join(repoRoot, 'packages', dir);
    if (!existsSync(join(from, 'dist'))) {
      throw new Error(`packages/${dir}/dist is missing: run \`pnpm build\` before the release tests`);
    }
    cpSync(from, join(root, 'packages', dir), {
      recursive: true,
      filter: (source) => !['node_modules', '.turbo'].includes(basename(source)),
    });
  }
  const workspaceDirs = new Map(packages.map(({ dir, manifest }) => [manifest.name, dir]));
  for (const { dir } of packages) linkNodeModules(root, dir, workspaceDirs);
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** The top-level entries of a node_modules folder, scoped ones as `@scope/name`. */
function nodeModulesEntries(nodeModules: string): string[] {
  if (!existsSync(nodeModules)) return [];
  return readdirSync(nodeModules)
    .filter((entry) => !entry.startsWith('.'))
    .flatMap((entry) =>
      entry.startsWith('@')
        ? readdirSync(join(nodeModules, entry)).map((name) => `${entry}/${name}`)
        : [entry],
    );
}

/**
 * Gives a copied package the same dependencies as in the checkout: workspace siblings link to their
 * copies (so `pnpm pack` and `oclif manifest` see the copy's versions), everything else to the
 * checkout's installed package.
 */
function linkNodeModules(root: string, dir: string, workspaceDirs: ReadonlyMap<string, string>): void {
  const installed = join(repoRoot, 'packages', dir, 'node_modules');
  for (const name of nodeModulesEntries(installed)) {
    const sibling = workspaceDirs.get(name);
    const link = join(root, 'packages', dir, 'node_modules', name);
    mkdirSync(join(link, '..'), { recursive: true });
    symlinkSync(sibling ? join(root, 'packages', sibling) : realpathSync(join(installed, name)), link, 'dir');
  }
}

/** Runs `changeset version` in a release copy: consumes its changesets, bumps versions, writes changelogs. */
export async function changesetVersion(root: string): Promise<void> {
  await runChecked(process.execPath, [changesetBin, 'version'], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: root, CI: 'true' },
  });
}

/**
 * Regenerates the oclif manifests of a versioned copy. A manifest records its package's version and
 * oclif ignores one that does not match (and warns on every run), so a release builds after
 * `changeset version`: the release workflow builds the merged "Version packages" commit.
 */
export async function rebuildOclifManifests(root: string): Promise<void> {
  for (const { dir } of publishedPackages(root)) {
    const packageDir = join(root, 'packages', dir);
    if (!existsSync(join(packageDir, 'oclif.manifest.json'))) continue;
    await runChecked(
      process.execPath,
      [join(packageDir, 'node_modules', 'oclif', 'bin', 'run.js'), 'manifest'],
      {
        cwd: packageDir,
        env: { PATH: process.env.PATH, HOME: root, CI: 'true' },
      },
    );
  }
}

/** The version of every published package of a release copy, by package name. */
export function versionsOf(root: string): Map<string, string> {
  return new Map(
    publishedPackages(root).map(({ dir }) => {
      const manifest = readManifest(root, dir);
      return [manifest.name, manifest.version];
    }),
  );
}
