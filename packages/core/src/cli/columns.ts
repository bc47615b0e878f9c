import { ValidationError } from '../errors/client-errors.js';
import type { ColumnSpec } from './table.js';

/**
 * The `--columns` names that match neither a default column nor a field of any item: a column that
 * would print empty, which is almost always a typo. Nothing can be said of an empty list.
 */
export function unknownColumns<I>(
  requested: readonly string[] | undefined,
  items: readonly I[],
  defaults: readonly (string | ColumnSpec<I>)[],
): string[] {
  if (!requested || items.length === 0) return [];
  const known = knownColumns(items, defaults);
  return requested.filter((name) => !known.has(name));
}

/** The default columns and every field of the items, in that order. */
function knownColumns<I>(items: readonly I[], defaults: readonly (string | ColumnSpec<I>)[]): Set<string> {
  const known = new Set(defaults.map((column) => (typeof column === 'string' ? column : column.key)));
  for (const item of items) {
    if (item && typeof item === 'object') for (const key of Object.keys(item)) known.add(key);
  }
  return known;
}

/** The usage error for {@link unknownColumns}, listing what can be shown. */
export function unknownColumnsError<I>(
  unknown: readonly string[],
  items: readonly I[],
  defaults: readonly (string | ColumnSpec<I>)[],
): ValidationError {
  const available = knownColumns(items, defaults);
  const names = unknown.map((name) => `"${name}"`).join(', ');
  return new ValidationError(
    `--columns: no column ${names}; choose from ${[...available].join(', ')}`,
    unknown.map((name) => ({ path: 'columns', message: `unknown column ${name}` })),
  );
}
