import * as Flags from '@oclif/core/flags';

/** Flags every nimbus command has. */
export const nimbusBaseFlags = {
  json: Flags.boolean({
    char: 'j',
    description: 'Print stable JSON on stdout: the object, an array of items, or {"error": {...}}',
    helpGroup: 'GLOBAL',
  }),
  profile: Flags.string({
    description: 'Profile to read settings from (default: the active profile)',
    env: 'NIMBUS_PROFILE',
    helpGroup: 'GLOBAL',
  }),
  debug: Flags.boolean({
    description: 'Trace requests and responses on stderr (secrets redacted) and show stack traces',
    helpGroup: 'GLOBAL',
  }),
  columns: Flags.string({
    description: 'Comma-separated columns to show in tables (any field of the items)',
    helpGroup: 'GLOBAL',
  }),
  sort: Flags.string({
    description: 'Sort table rows by a column; prefix with - to reverse',
    helpGroup: 'GLOBAL',
  }),
  'no-header': Flags.boolean({ description: 'Omit the table header row', helpGroup: 'GLOBAL' }),
};
