import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** The package.json fields the release tests read. */
export interface PackageManifest {
  name: string;
  version: string;
  private?: boolean;
  engines?: { node?: string };
  exports?: Record<string, unknown>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  publishConfig?: { access?: string };
  repository?: { type?: string; url?: string; directory?: string };
  oclif?: { plugins?: string[]; topics?: Record<string, unknown>; bin?: string };
  nimbus?: { plugin?: string };
  bin?: Record<string, string>;
}

/** One published workspace package: its folder under `packages/` and its manifest. */
export interface WorkspacePackage {
  dir: string;
  manifest: PackageManifest;
}

/** Reads `<root>/packages/<dir>/package.json`. */
export function readManifest(root: string, dir: string): PackageManifest {
  return JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8')) as PackageManifest;
}

/**
 * Every non-private package under `<root>/packages`, sorted by folder: what a release publishes.
 * Read from disk on every call, so packages added on other branches are covered with no list here.
 */
export function publishedPackages(root: string = repoRoot): WorkspacePackage[] {
  return readdirSync(join(root, 'packages'))
    .filter((dir) => existsSync(join(root, 'packages', dir, 'package.json')))
    .sort()
    .map((dir) => ({ dir, manifest: readManifest(root, dir) }))
    .filter(({ manifest }) => manifest.private !== true);
}

/** The packages that are nimbus provider plugins (they declare `nimbus.plugin`). */
export function providerPackages(root: string = repoRoot): WorkspacePackage[] {
  return publishedPackages(root).filter(({ manifest }) => manifest.nimbus?.plugin !== undefined);
}

/** The names of this workspace's packages among a manifest's runtime dependencies. */
export function internalDependencies(manifest: PackageManifest, names: ReadonlySet<string>): string[] {
  return Object.keys(manifest.dependencies ?? {}).filter((name) => names.has(name));
}
