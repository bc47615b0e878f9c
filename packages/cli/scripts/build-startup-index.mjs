// Writes dist/startup-index.json after `oclif manifest`: which bundled plugin owns each command id
// (so a provider command loads only its own plugin) and the rows of the root help (so `nimbus
// --help` prints without loading oclif). Both are read by src/entry; when they do not match what
// is installed (a user plugin, an id the index lacks), the CLI takes oclif's full path instead.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Config } from '@oclif/core/config';
import { loadHelpClass } from '@oclif/core/help';

const root = fileURLToPath(new URL('..', import.meta.url));
// No user or linked plugins of the machine that builds may reach a published file.
const config = await Config.load({ root, userPlugins: false, devPlugins: false });

/** Plugins whose commands run with only their own plugin loaded: the providers (no oclif plugin). */
const providers = new Set(
  [...config.plugins.values()].filter((plugin) => plugin.pjson.nimbus?.plugin).map((plugin) => plugin.name),
);

const commands = {};
for (const command of config.commands) {
  const owner = providers.has(command.pluginName) ? command.pluginName : null;
  for (const id of [command.id, ...(command.aliases ?? [])]) commands[id] = owner;
}

// The rows oclif's own root help shows (Help.showRootHelp), with their text rendered once here.
const Help = await loadHelpClass(config);
const help = new Help(config, { stripAnsi: true });
const topics = help.sortedTopics
  .filter((topic) => !topic.name.includes(':'))
  .map((topic) => [topic.name, help.render((topic.description ?? '').split('\n')[0])]);
const rootCommands = help.sortedCommands
  .filter((command) => command.id && !command.id.includes(':'))
  .map((command) => [command.id, help.summary(command) ?? '']);

const index = {
  commands,
  rootHelp: {
    description: help.render(config.pjson.oclif.description || config.pjson.description || '').split('\n')[0],
    bin: config.bin,
    topics,
    commands: rootCommands,
  },
};
writeFileSync(new URL('../dist/startup-index.json', import.meta.url), `${JSON.stringify(index)}\n`);
