import { fileURLToPath } from 'node:url';
import { Config } from '@oclif/core/config';
import * as Errors from '@oclif/core/errors';
import { flush } from '@oclif/core/flush';
import { handle } from '@oclif/core/handle';
import { run } from '@oclif/core/run';
import { type CommandTree, understandCommandLine } from './command-line.js';
import { exitCodeOfForeignExit } from './foreign-exit.js';
import { loadConfigFor } from './load-config.js';
import { readStartupIndex, type StartupIndex } from './startup-index.js';
import { mayHaveUserPlugins } from './user-plugins.js';
import { wantsJson } from './wants-json.js';

/**
 * Runs `nimbus` for `argv` (without node and the script): the flags typed before a subcommand are
 * moved after it, and oclif's own failures (an unknown command, a topic given flags but no command)
 * become usage errors that exit 2, as JSON with `--json`. `root` is bin/run.js's URL; `commandFile`
 * is the bundled copy of the command to run (see pick-entry.ts), when this module is the bundled one.
 */
export async function runNimbus(
  argv: readonly string[],
  root: string | URL,
  commandFile?: URL,
): Promise<void> {
  try {
    // `root` is bin/run.js; the package is one folder up, whichever build of this module runs.
    const packageRoot = new URL('../', root);
    // Without user plugins, the index built with the CLI knows every command, so a provider's
    // command loads only that provider's plugin; else oclif loads and lists them all, as before.
    const index = mayHaveUserPlugins() ? undefined : readStartupIndex(packageRoot);
    const everything = index ? undefined : await Config.load(fileURLToPath(packageRoot));
    const tree = everything
      ? commandTree(everything)
      : { commandIds: new Set(Object.keys(index?.commands ?? {})) };
    const line = understandCommandLine(argv, tree);
    if (line.kind === 'topic-only') {
      throw usageError(
        `"${line.topic}" is a topic, not a command: name one of its commands after it (see \`nimbus ${line.topic} --help\`)`,
      );
    }
    if (line.kind === 'version') {
      printVersion(everything ?? (await Config.load(fileURLToPath(packageRoot))), line.topic, line.json);
      return;
    }
    const config =
      everything ?? (await loadConfigFor(line.argv, index as StartupIndex, packageRoot, commandFile));
    await run(line.argv, config);
    flush();
  } catch (error) {
    await report(renamed(error), argv);
  }
}

/** Prints the name and version of the plugin whose commands make up `topic`. */
function printVersion(config: Config, topic: string, json: boolean): void {
  const owner = [...config.plugins.values()].find((plugin) =>
    plugin.commands.some((command) => command.id.startsWith(`${topic}:`)),
  );
  const { name, version } = owner ?? config.pjson;
  process.stdout.write(json ? `${JSON.stringify({ name, version }, null, 2)}\n` : `${name}/${version}\n`);
}

function commandTree(config: Config): CommandTree {
  const commandIds = new Set<string>();
  for (const command of config.commands) {
    commandIds.add(command.id);
    for (const alias of command.aliases ?? []) commandIds.add(alias);
  }
  return { commandIds };
}

/** oclif names an unknown command by its colon id; users typed it with spaces. */
function renamed(error: unknown): unknown {
  const message = error instanceof Error ? error.message : '';
  const match = /^command (.+) not found$/.exec(message);
  if (!match) return error;
  const typed = (match[1] as string).replaceAll(':', ' ');
  return usageError(`Unknown command "${typed}" (see \`nimbus --help\`)`);
}

function usageError(message: string): Errors.CLIError {
  return new Errors.CLIError(message, { exit: 2 });
}

/**
 * Prints a failure oclif raised outside a nimbus command the way every nimbus command prints its
 * own: `{"error": {...}}` on stdout with `--json`, else one `Error: ...` line on stderr, and the
 * documented exit code. An ExitError is a command that already reported and chose its code.
 */
async function report(error: unknown, argv: readonly string[]): Promise<void> {
  if (error instanceof Errors.ExitError) {
    await handle(error);
    return;
  }
  // The same from a plugin built with another copy of oclif: its class differs, its shape does not.
  const foreignExit = exitCodeOfForeignExit(error);
  if (foreignExit !== undefined) {
    process.exitCode = foreignExit;
    return;
  }
  const { errorJson, errorLine, exitCodeFor } = await import('@nimbus-sdk/core/cli');
  if (wantsJson(argv)) process.stdout.write(`${JSON.stringify(errorJson(error), null, 2)}\n`);
  else process.stderr.write(`${errorLine(error)}\n`);
  if (argv.includes('--debug') && error instanceof Error && error.stack)
    process.stderr.write(`${error.stack}\n`);
  process.exitCode = exitCodeFor(error);
}
