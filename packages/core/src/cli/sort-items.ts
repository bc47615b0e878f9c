import { ValidationError } from '../errors/client-errors.js';
import type { ColumnSpec } from './table.js';

/** One key of a `--sort` value. */
interface SortKey {
  key: string;
  descending: boolean;
}

/**
 * Parses `--sort`: comma-separated fields, each prefixed with `-` for descending
 * (`-created,name`). Throws a {@link ValidationError} (exit 2) for an empty field.
 */
export function parseSort(sort: string): SortKey[] {
  return sort.split(',').map((part) => {
    const text = part.trim();
    const descending = text.startsWith('-');
    const key = descending ? text.slice(1) : text;
    if (!key) {
      throw new ValidationError(
        `--sort ${JSON.stringify(sort)}: every field needs a name, e.g. --sort name or --sort -created,name`,
        [{ path: 'sort', message: 'empty field name' }],
      );
    }
    return { key, descending };
  });
}

/**
 * Items ordered by `--sort` (see {@link parseSort}): the first key decides, later keys break ties;
 * absent values last in either direction; numbers by value, text naturally (`web2` before `web10`).
 * A key may name a column's getter (`columns`) or any field, dotted for nested ones (`owner.name`).
 */
export function sortItems<T>(
  items: readonly T[],
  sort: string | undefined,
  columns: readonly (string | ColumnSpec<T>)[] = [],
): readonly T[] {
  if (!sort) return items;
  const keys = parseSort(sort).map(({ key, descending }) => {
    const column = columns.find((c) => typeof c !== 'string' && c.key === key);
    const get =
      column && typeof column !== 'string' && column.get ? column.get : (item: T) => readKey(item, key);
    return { get, descending };
  });
  return [...items].sort((a, b) => {
    for (const { get, descending } of keys) {
      const order = compare(get(a), get(b), descending);
      if (order !== 0) return order;
    }
    return 0;
  });
}

function compare(a: unknown, b: unknown, descending: boolean): number {
  const aAbsent = a === undefined || a === null;
  const bAbsent = b === undefined || b === null;
  if (aAbsent || bAbsent) return aAbsent === bAbsent ? 0 : aAbsent ? 1 : -1;
  const order =
    typeof a === 'number' && typeof b === 'number'
      ? a - b
      : sortText(a).localeCompare(sortText(b), undefined, { numeric: true });
  return descending ? -order : order;
}

function sortText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Reads `key` from an item; dotted keys (`owner.name`) reach into nested objects. */
export function readKey(item: unknown, key: string): unknown {
  let current: unknown = item;
  for (const part of key.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}
