import { existsSync, lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** What an install put on disk. */
export interface InstalledFootprint {
  /** Packages under node_modules, nested ones included (each folder with a package.json). */
  packages: number;
  /** Apparent size of every file under node_modules, in bytes. */
  bytes: number;
  /** Package names, for asserting what is (not) installed. */
  names: Set<string>;
}

function sizeOf(path: string): number {
  const stat = lstatSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((total, entry) => total + sizeOf(join(path, entry)), 0);
}

function collectPackages(nodeModules: string, into: InstalledFootprint): void {
  if (!existsSync(nodeModules)) return;
  for (const entry of readdirSync(nodeModules)) {
    if (entry.startsWith('.')) continue;
    const folders = entry.startsWith('@')
      ? readdirSync(join(nodeModules, entry)).map((name) => [
          `${entry}/${name}`,
          join(nodeModules, entry, name),
        ])
      : [[entry, join(nodeModules, entry)]];
    for (const [name, folder] of folders as [string, string][]) {
      if (!existsSync(join(folder, 'package.json'))) continue;
      into.packages += 1;
      into.names.add(name);
      collectPackages(join(folder, 'node_modules'), into);
    }
  }
}

/** Counts and sizes the packages in a `node_modules` folder. */
export function installedFootprint(nodeModules: string): InstalledFootprint {
  const footprint: InstalledFootprint = { packages: 0, bytes: 0, names: new Set() };
  collectPackages(nodeModules, footprint);
  footprint.bytes = existsSync(nodeModules) ? sizeOf(nodeModules) : 0;
  return footprint;
}
