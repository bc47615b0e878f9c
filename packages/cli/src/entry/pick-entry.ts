import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { commandIdOf } from './command-id.js';
import { understandCommandLine } from './command-line.js';
import { readStartupIndex } from './startup-index.js';
import { mayHaveUserPlugins } from './user-plugins.js';

/** What scripts/bundle-provider-commands.mjs bundled: provider versions and command files. */
interface BundleIndex {
  readonly versions: Readonly<Record<string, string>>;
  /** Command id or alias → its file under dist/bundle/. */
  readonly commands: Readonly<Record<string, string>>;
}

/** The build of `runNimbus` that runs a command line, and the bundled command it runs, if any. */
export interface EntryChoice {
  readonly entry: URL;
  readonly commandFile?: URL;
}

/**
 * dist/bundle (oclif, core, zod and the provider's commands in a few chunks, ~40 % less CPU than
 * ~360 separate modules) for a bundled provider's command, when that provider is installed at the
 * version bundled and no user plugin is; dist/entry, which loads what is installed, otherwise.
 */
export function pickEntry(argv: readonly string[], packageRoot: URL): EntryChoice {
  const plain = { entry: new URL('dist/entry/run-nimbus.js', packageRoot) };
  if (mayHaveUserPlugins()) return plain;
  const index = readStartupIndex(packageRoot);
  const bundle = readBundleIndex(packageRoot);
  if (!index || !bundle) return plain;
  const line = understandCommandLine(argv, { commandIds: new Set(Object.keys(index.commands)) });
  if (line.kind !== 'command' && line.kind !== 'as-typed') return plain;
  const id = commandIdOf(line.argv, index.commands);
  const owner = id === undefined ? null : index.commands[id];
  const file = id === undefined ? undefined : bundle.commands[id];
  if (!owner || !file || installedVersion(owner, packageRoot) !== bundle.versions[owner]) return plain;
  return {
    entry: new URL('dist/bundle/run-nimbus.js', packageRoot),
    commandFile: new URL(`dist/bundle/${file}`, packageRoot),
  };
}

function readBundleIndex(packageRoot: URL): BundleIndex | undefined {
  try {
    return JSON.parse(readFileSync(new URL('dist/bundle/index.json', packageRoot), 'utf8')) as BundleIndex;
  } catch {
    return undefined;
  }
}

/** The version of `name` the CLI resolves, or undefined when it is not installed. */
function installedVersion(name: string, packageRoot: URL): string | undefined {
  try {
    const path = createRequire(new URL('package.json', packageRoot)).resolve(`${name}/package.json`);
    return (JSON.parse(readFileSync(path, 'utf8')) as { version?: string }).version;
  } catch {
    return undefined;
  }
}
