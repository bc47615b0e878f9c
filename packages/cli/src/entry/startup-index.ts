import { readFileSync } from 'node:fs';

/** One row of a help list: a name and its one-line description. */
export type HelpRow = readonly [name: string, description: string];

/**
 * What `scripts/build-startup-index.mjs` records at build time from the bundled plugins, so a run
 * needs neither every plugin's manifest nor oclif's help class to know it.
 */
export interface StartupIndex {
  /** Every command id and alias (`dci:topic:list`) → the provider plugin that owns it, or null. */
  readonly commands: Readonly<Record<string, string | null>>;
  /** The root help's rows, as oclif renders them. */
  readonly rootHelp: {
    readonly description: string;
    readonly bin: string;
    readonly topics: readonly HelpRow[];
    readonly commands: readonly HelpRow[];
  };
}

/** The index the build wrote into the CLI package at `packageRoot`, or undefined without one. */
export function readStartupIndex(packageRoot: URL): StartupIndex | undefined {
  try {
    return JSON.parse(readFileSync(new URL('dist/startup-index.json', packageRoot), 'utf8')) as StartupIndex;
  } catch {
    return undefined;
  }
}
