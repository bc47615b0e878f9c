/** What the normaliser needs to know about the installed commands. */
export interface CommandTree {
  /** Command ids and aliases, colon-separated (`dci:topic:list`). */
  readonly commandIds: ReadonlySet<string>;
}

/** How a command line was understood before oclif parses it. */
export type CommandLine =
  /** A command, with the flags typed before its name moved after it. */
  | { kind: 'command'; argv: string[] }
  /** A topic named with flags but no command (`nimbus dci topic --bogus`): a usage error. */
  | { kind: 'topic-only'; topic: string; flags: string[] }
  /** `nimbus <provider> --version` (dcictl's `--version`): the version of the package behind a topic. */
  | { kind: 'version'; topic: string; json: boolean }
  /** Anything else (help, an unknown command, `--version`): left for oclif as typed. */
  | { kind: 'as-typed'; argv: string[] };

/**
 * Accepts flags before the subcommand, as `triton -p prod ls` and `dcictl --format json job-list`
 * users type them: `nimbus dci --format json topic list` becomes `nimbus dci topic list --format
 * json`. oclif would stop at the first flag and show the `dci` topic's help with exit 0, so a script
 * got silent success.
 *
 * A token after a flag without `=` is taken as that flag's value unless it continues the command
 * name; so `--json topic list` keeps `topic`, and `-p prod instance ls` moves `prod` with `-p`.
 */
export function understandCommandLine(argv: readonly string[], tree: CommandTree): CommandLine {
  const prefixes = prefixesOf(tree.commandIds);
  const version = versionRequest(argv, prefixes, tree.commandIds);
  if (version) return version;
  const idParts: string[] = [];
  const moved: string[] = [];
  let index = 0;
  while (index < argv.length) {
    const token = argv[index] as string;
    if (token === '--') break;
    if (token.startsWith('-') && token !== '-') {
      // Flags after a complete command id belong to oclif's parser, as typed.
      if (tree.commandIds.has(idParts.join(':')) && idParts.length > 0) break;
      moved.push(token);
      const next = argv[index + 1];
      const takesNext =
        !token.includes('=') &&
        next !== undefined &&
        !next.startsWith('-') &&
        !prefixes.has([...idParts, next].join(':'));
      if (takesNext) moved.push(next);
      index += takesNext ? 2 : 1;
      continue;
    }
    const candidate = [...idParts, token].join(':');
    if (!prefixes.has(candidate)) break;
    idParts.push(token);
    index += 1;
  }
  const id = idParts.join(':');
  if (moved.length === 0 || idParts.length === 0) return { kind: 'as-typed', argv: [...argv] };
  if (tree.commandIds.has(id)) return { kind: 'command', argv: [...idParts, ...moved, ...argv.slice(index)] };
  if (index === argv.length && moved.every((flag) => !isHelpFlag(flag))) {
    return { kind: 'topic-only', topic: idParts.join(' '), flags: moved };
  }
  return { kind: 'as-typed', argv: [...argv] };
}

/**
 * `<topic> --version [--json]` on a top-level topic that is not itself a command (`help`). `-v`
 * stays unclaimed: node-triton users mean verbose by it.
 */
function versionRequest(
  argv: readonly string[],
  prefixes: ReadonlySet<string>,
  commandIds: ReadonlySet<string>,
): CommandLine | undefined {
  const [topic, ...flags] = argv;
  if (topic === undefined || !prefixes.has(topic) || commandIds.has(topic)) return undefined;
  if (!flags.includes('--version') || !flags.every((flag) => flag === '--version' || flag === '--json'))
    return undefined;
  return { kind: 'version', topic, json: flags.includes('--json') };
}

function isHelpFlag(token: string): boolean {
  return token === '--help' || token === '-h';
}

/** Every command id and every leading part of one (`dci`, `dci:topic`, `dci:topic:list`). */
function prefixesOf(ids: ReadonlySet<string>): Set<string> {
  const prefixes = new Set<string>();
  for (const id of ids) {
    const parts = id.split(':');
    for (let end = 1; end <= parts.length; end += 1) prefixes.add(parts.slice(0, end).join(':'));
  }
  return prefixes;
}
