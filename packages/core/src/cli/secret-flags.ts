/** Flags whose values are credentials, by name without `--` (filled by `profileFlags`). */
const secretFlagNames = new Set<string>();

/** Names that hold a credential whatever declared them (`--api-secret`, `--password`, `--token`). */
const SECRET_NAME = /secret|password|passphrase|token/i;

/** Declares `--<name>` (or, for one letter, `-<c>`) as a flag whose value must never be printed. */
export function markSecretFlag(name: string): void {
  secretFlagNames.add(name);
}

/**
 * The values given to secret flags in raw `argv` (`--name value`, `--name=value`, and for a
 * short flag `-c value`, `-cvalue`), read before
 * oclif parses it: a parse error echoes arguments before any setting is resolved, and must not
 * print them.
 */
export function secretFlagValues(argv: readonly string[]): string[] {
  const values: string[] = [];
  const end = argv.indexOf('--');
  const flags = end === -1 ? argv : argv.slice(0, end);
  for (let i = 0; i < flags.length; i++) {
    const arg = flags[i] ?? '';
    const long = /^--([^=]+)(?:=(.*))?$/s.exec(arg);
    const short = long ? null : /^-([A-Za-z])=?(.+)?$/s.exec(arg);
    const match = long ?? short;
    if (!match) continue;
    const name = match[1] as string;
    if (!secretFlagNames.has(name) && !(long && SECRET_NAME.test(name))) continue;
    const value = match[2] ?? flags[i + 1];
    if (value) values.push(value);
  }
  return values;
}
