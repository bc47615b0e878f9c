import { readFileSync } from 'node:fs';
import { renderRootHelp } from './root-help.js';
import { readStartupIndex } from './startup-index.js';
import { mayHaveUserPlugins } from './user-plugins.js';

/**
 * Prints `nimbus --help` from the start-up index and returns true, or returns false (printing
 * nothing) when the index cannot be trusted to list what is installed, so oclif renders it.
 * Loading oclif and every plugin's manifest only to list eight topics cost ~5× a bare Node start.
 */
export function printRootHelp(env: NodeJS.ProcessEnv = process.env): boolean {
  if (mayHaveUserPlugins(env)) return false;
  const packageRoot = new URL('../../', import.meta.url);
  const index = readStartupIndex(packageRoot);
  if (!index) return false;
  const pjson = JSON.parse(readFileSync(new URL('package.json', packageRoot), 'utf8')) as {
    name: string;
    version: string;
  };
  const text = renderRootHelp(index.rootHelp, {
    width: terminalWidth(env),
    userAgent: `${pjson.name}/${pjson.version} ${process.platform}-${process.arch} node-${process.version}`,
    bold: wantsColour(env),
  });
  process.stdout.write(text);
  return true;
}

/** The width oclif's help wraps to. */
function terminalWidth(env: NodeJS.ProcessEnv): number {
  const configured = Number.parseInt(env.OCLIF_COLUMNS ?? '', 10);
  if (configured) return configured;
  if (!process.stdout.isTTY) return 80;
  const columns = process.stdout.columns;
  if (!columns || columns < 1) return 80;
  return Math.max(columns, 40);
}

/** Whether oclif's colour library would style the output (NO_COLOR, FORCE_COLOR, a terminal). */
function wantsColour(env: NodeJS.ProcessEnv): boolean {
  const force = env.FORCE_COLOR;
  if (force === '0' || force === 'false') return false;
  if ('NO_COLOR' in env) return false;
  if (force !== undefined) return true;
  return process.stdout.isTTY === true && env.TERM !== 'dumb';
}
