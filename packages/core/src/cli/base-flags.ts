import * as Flags from '@oclif/core/flags';

/** The output formats every command offers through `--format`. */
export const OUTPUT_FORMATS = ['table', 'json', 'csv', 'tsv'] as const;
/** One of {@link OUTPUT_FORMATS}. */
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/**
 * Flags every nimbus command has. The short forms are node-triton's (`-j -o -H -s -p`), so a
 * provider command must not give any of these letters to a flag of its own.
 */
export const nimbusBaseFlags = {
  json: Flags.boolean({
    char: 'j',
    description:
      'Print stable JSON on stdout: the object, an array of items, or {"error": {...}}; same as --format json',
    helpGroup: 'GLOBAL',
  }),
  format: Flags.string({
    description: 'Output format: table (default), json, csv or tsv',
    options: [...OUTPUT_FORMATS],
    helpGroup: 'GLOBAL',
  }),
  profile: Flags.string({
    char: 'p',
    description: 'Profile to read settings from (default: the active profile)',
    env: 'NIMBUS_PROFILE',
    helpGroup: 'GLOBAL',
  }),
  debug: Flags.boolean({
    description: 'Trace requests and responses on stderr (secrets redacted) and show stack traces',
    helpGroup: 'GLOBAL',
  }),
  columns: Flags.string({
    char: 'o',
    description: 'Comma-separated columns to show in tables and CSV/TSV (any field of the items)',
    helpGroup: 'GLOBAL',
  }),
  sort: Flags.string({
    char: 's',
    description: 'Sort by comma-separated fields, each prefixed with - for descending (-created,name)',
    helpGroup: 'GLOBAL',
  }),
  'no-header': Flags.boolean({
    char: 'H',
    description: 'Omit the header row of tables and CSV/TSV',
    helpGroup: 'GLOBAL',
  }),
};

/** The base flags of a command: all of {@link nimbusBaseFlags}, `--profile` only where a profile is read. */
export type BaseFlags = Omit<typeof nimbusBaseFlags, 'profile'> &
  Partial<Pick<typeof nimbusBaseFlags, 'profile'>>;

/** The base flags without `--profile`, for commands that read no profile's settings (`profile create`). */
export const profilelessBaseFlags: BaseFlags = (({ profile: _profile, ...rest }) => rest)(nimbusBaseFlags);

/** A short form of a base flag: `-j`, `-o`, `-s`, `-p` or `-H`. */
export type BaseFlagLetter = 'j' | 'o' | 's' | 'p' | 'H';

/**
 * The base flags with some short forms left to the command's own flags, where the original CLI
 * gives the letter another meaning: naas-python's `-s/--storage`, the IMS helper's `-p` (boot
 * parameters), node-triton's `instance wait -s STATE`. The base flags keep their long names there.
 *
 * @example
 * static override baseFlags = baseFlagsCeding(['s']); // -s is --storage on this command
 */
export function baseFlagsCeding(
  letters: readonly BaseFlagLetter[],
  base: BaseFlags = nimbusBaseFlags,
): BaseFlags {
  const ceded = new Set<string>(letters);
  return Object.fromEntries(
    Object.entries(base).map(([name, flag]) => [
      name,
      flag.char !== undefined && ceded.has(flag.char) ? { ...flag, char: undefined } : flag,
    ]),
  ) as unknown as BaseFlags;
}
