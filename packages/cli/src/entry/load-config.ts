import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Command } from '@oclif/core/command';
import { Config } from '@oclif/core/config';
import { commandIdOf } from './command-id.js';
import type { StartupIndex } from './startup-index.js';

/**
 * The oclif config a run of `argv` needs: for a provider's command, the CLI with only that
 * provider's plugin (its manifest is the only one read and turned into commands); for anything
 * else (help, topics, profile, sandbox, plugins, an id the index does not know), every plugin.
 * `commandFile`, given when this runs from dist/bundle, is the bundled copy of the command.
 */
export async function loadConfigFor(
  argv: readonly string[],
  index: StartupIndex,
  packageRoot: URL,
  commandFile?: URL,
): Promise<Config> {
  const full = () => Config.load(fileURLToPath(packageRoot));
  const id = commandIdOf(argv, index.commands);
  const owner = id === undefined ? null : index.commands[id];
  if (!owner) return full();
  const pjson = JSON.parse(readFileSync(new URL('package.json', packageRoot), 'utf8'));
  const config = await Config.load({
    root: fileURLToPath(packageRoot),
    pjson: { ...pjson, oclif: { ...pjson.oclif, plugins: [owner] } },
  });
  const command = config.findCommand(id as string);
  // An index older than the installed provider: let oclif see everything and decide.
  if (!command) return full();
  if (commandFile) {
    // oclif's run() reloads this config, re-creating each alias entry as a copy of its command's
    // entry in the plugin: so the plugin's entry is the one to point at the bundled file, or an
    // alias (`account get`) would load the unbundled copy with another oclif and lose its exit code.
    const plugin = config.plugins.get(owner);
    const canonical =
      plugin?.commands.find((entry) => entry.id === command.id || entry.aliases?.includes(id as string)) ??
      command;
    canonical.load = () => loadBundled(commandFile, canonical, plugin);
  }
  return config;
}

/** What oclif's own loader does with a command module, for the bundled copy of it. */
async function loadBundled(
  file: URL,
  command: Command.Loadable,
  plugin: Command.Class['plugin'],
): Promise<Command.Class> {
  const loaded = (await import(file.href)).default as Command.Class;
  loaded.id = command.id;
  loaded.plugin = plugin;
  return loaded;
}
