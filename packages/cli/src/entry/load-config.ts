import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Config } from '@oclif/core/config';
import type { StartupIndex } from './startup-index.js';

/**
 * The oclif config a run of `argv` needs: for a provider's command, the CLI with only that
 * provider's plugin (its manifest is the only one read and turned into commands); for anything
 * else (help, topics, profile, sandbox, plugins, an id the index does not know), every plugin.
 */
export async function loadConfigFor(
  argv: readonly string[],
  index: StartupIndex,
  root: string | URL,
): Promise<Config> {
  const full = () => Config.load(root instanceof URL ? root.href : root);
  const id = commandIdOf(argv, index);
  const owner = id === undefined ? null : index.commands[id];
  if (!owner) return full();
  const packageRoot = fileURLToPath(new URL('../..', import.meta.url));
  const pjson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  const config = await Config.load({
    root: packageRoot,
    pjson: { ...pjson, oclif: { ...pjson.oclif, plugins: [owner] } },
  });
  // An index older than the installed provider: let oclif see everything and decide.
  return config.findCommand(id as string) ? config : full();
}

/** The longest run of leading words that is a command id or alias (`dci topic list`). */
function commandIdOf(argv: readonly string[], index: StartupIndex): string | undefined {
  let found: string | undefined;
  const parts: string[] = [];
  for (const token of argv) {
    if (token.startsWith('-')) break;
    parts.push(token);
    const id = parts.join(':');
    if (Object.hasOwn(index.commands, id)) found = id;
  }
  return found;
}
