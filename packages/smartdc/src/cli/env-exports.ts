import type { ProfileField } from '@nimbus-sdk/core/provider';

/** A value as one shell word: bare when it is plainly safe, else single-quoted (`'` as `'\''`). */
export function shellQuote(value: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(value)) return value;
  return `'${value.replaceAll("'", "'\\''")}'`;
}

/**
 * Every environment variable the settings are read from, with its value (`undefined`: unset it),
 * TRITON_* before SDC_* as `triton env` prints them. Secret fields are left out: their values
 * never reach stdout, and unsetting them is the caller's business.
 */
export function settingsVariables(
  fields: Readonly<Record<string, ProfileField>>,
  settings: Readonly<Record<string, string | undefined>>,
): [name: string, value: string | undefined][] {
  const out: [string, string | undefined][] = [];
  for (const [key, field] of Object.entries(fields)) {
    if (field.secret) continue;
    for (const name of field.env ?? []) out.push([name, settings[key] || undefined]);
  }
  const group = (name: string) => (name.startsWith('TRITON_') ? 0 : 1);
  return out.sort((a, b) => group(a[0]) - group(b[0]));
}

/** `export NAME=value` / `unset NAME` lines, each ending in a newline. */
export function shellLines(variables: readonly [string, string | undefined][], unsetAll: boolean): string {
  return variables
    .map(([name, value]) =>
      unsetAll || value === undefined ? `unset ${name}\n` : `export ${name}=${shellQuote(value)}\n`,
    )
    .join('');
}
