import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { runChecked } from './run-command.js';
import { internalDependencies, publishedPackages, readManifest, repoRoot } from './workspace-packages.js';

/** A throwaway copy of the workspace's release inputs, where versioning and publishing may happen. */
export interface ReleaseCopy {
  root: string;
  remove(): void;
}

const changesetBin = join(repoRoot, 'node_modules', '@changesets', 'cli', 'bin.js');

/**
 * Copies what a release reads (root manifest, workspace file, .changeset/, every package with its
 * built dist/ but without node_modules) to a temp folder, and links each package's workspace
 * dependencies into its node_modules, which is all `pnpm pack`/`pnpm publish` need to turn
 * `workspace:` ranges into versions. The checkout itself is never versioned.
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
  const names = new Map(packages.map(({ dir, manifest }) => [manifest.name, dir]));
  for (const { dir, manifest } of packages) {
    for (const dependency of internalDependencies(manifest, new Set(names.keys()))) {
      const link = join(root, 'packages', dir, 'node_modules', dependency);
      mkdirSync(join(link, '..'), { recursive: true });
      symlinkSync(join(root, 'packages', names.get(dependency) as string), link, 'dir');
    }
  }
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** Runs `changeset version` in a release copy: consumes its changesets, bumps versions, writes changelogs. */
export async function changesetVersion(root: string): Promise<void> {
  await runChecked(process.execPath, [changesetBin, 'version'], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: root, CI: 'true' },
  });
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
