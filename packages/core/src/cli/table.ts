import { readKey, sortItems } from './sort-items.js';
import { escapeControls } from './terminal-text.js';

/** A table column: the item key it shows, and optionally a header and a getter. */
export interface ColumnSpec<T = Record<string, unknown>> {
  key: string;
  header?: string;
  get?: (item: T) => unknown;
}

/** How {@link renderTable} lays out rows. */
export interface TableOptions<T> {
  /** The default columns; `--columns` may pick any key of the items instead. */
  columns: readonly (string | ColumnSpec<T>)[];
  /** `--columns a,b`: keys to show, in order. */
  only?: readonly string[];
  /** `--sort`: comma-separated fields, `-` prefix for descending (see `sortItems`). */
  sort?: string;
  /** `--no-header`: rows only, for `cut`/`awk`. */
  header?: boolean;
}

/**
 * Formats one cell: nested values as compact JSON, absent values as empty, control characters
 * made visible (see {@link escapeControls}) so a cell can neither drive the terminal nor break a row.
 */
export function formatCell(value: unknown): string {
  return escapeControls(rawCell(value));
}

function rawCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value);
}

/** Renders items as an aligned plain-text table with a trailing newline (empty string when none). */
export function renderTable<T>(items: readonly T[], options: TableOptions<T>): string {
  const columns = pickColumns(options);
  const rows = sortItems(items, options.sort, columns).map((item) =>
    columns.map((column) => formatCell(column.get ? column.get(item) : readKey(item, column.key))),
  );
  const lines =
    options.header === false
      ? rows
      : [columns.map((c) => escapeControls(c.header ?? c.key.toUpperCase())), ...rows];
  if (lines.length === 0) return '';
  const widths = columns.map((_, i) => Math.max(...lines.map((line) => (line[i] ?? '').length)));
  return lines
    .map((line) =>
      line
        .map((cell, i) => (i === line.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .map((line) => `${line}\n`)
    .join('');
}

function pickColumns<T>(options: TableOptions<T>): ColumnSpec<T>[] {
  const defaults = options.columns.map((c) => (typeof c === 'string' ? { key: c } : c));
  if (!options.only || options.only.length === 0) return defaults;
  return options.only.map((key) => defaults.find((c) => c.key === key) ?? { key });
}
