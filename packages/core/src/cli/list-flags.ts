import * as Flags from '@oclif/core/flags';

/**
 * How many rows every list command of every provider shows when neither `--limit` nor `--all` is
 * given. One number, so the same habit works everywhere; when it cuts a list, stderr says so.
 */
export const DEFAULT_LIST_LIMIT = 100;

/**
 * `--limit N`, `--all`, `--offset N`: the list-size flags of every list command. Spread them into
 * a list command's flags and read them with `NimbusCommand.listWindow()`.
 */
export const listFlags = {
  limit: Flags.integer({
    description: `Rows to show (default ${DEFAULT_LIST_LIMIT}; stderr says when more exist)`,
    min: 1,
    exclusive: ['all'],
    helpGroup: 'LIST',
  }),
  all: Flags.boolean({
    description: 'Every row, fetched page by page',
    default: false,
    exclusive: ['limit'],
    helpGroup: 'LIST',
  }),
  offset: Flags.integer({
    description: 'Skip this many rows first (sent to the server where it pages by offset)',
    min: 0,
    default: 0,
    helpGroup: 'LIST',
  }),
};

/** Which rows of a list a command shows, from its {@link listFlags}. */
export interface ListWindow {
  /** Rows to skip first. */
  offset: number;
  /** Rows to show at most; `undefined` with `--all`. */
  limit: number | undefined;
  /** True when `limit` is {@link DEFAULT_LIST_LIMIT} because no `--limit`/`--all` was given. */
  defaulted: boolean;
}

/** The window {@link listFlags} ask for. */
export function listWindow(flags: { limit?: number; all?: boolean; offset?: number }): ListWindow {
  const offset = flags.offset ?? 0;
  if (flags.all) return { offset, limit: undefined, defaulted: false };
  if (flags.limit !== undefined) return { offset, limit: flags.limit, defaulted: false };
  return { offset, limit: DEFAULT_LIST_LIMIT, defaulted: true };
}

/** The rows a window keeps, and whether more rows existed past its limit. */
export interface WindowedList<T> {
  items: T[];
  /** More rows existed after the last one kept. */
  truncated: boolean;
}

/** The window of a list already in memory (sort it first: the window is of the sorted list). */
export function sliceWindow<T>(items: readonly T[], window: ListWindow): WindowedList<T> {
  const end = window.limit === undefined ? items.length : window.offset + window.limit;
  return { items: items.slice(window.offset, end), truncated: end < items.length };
}

/**
 * Reads a window of a list lazily: skips `skip` rows (pass 0 when the server already applied the
 * offset), keeps `window.limit` rows and reads one more only to know whether the list was cut,
 * so a paged source stops fetching right after.
 */
export async function takeWindow<T>(
  source: AsyncIterable<T> | Iterable<T>,
  window: ListWindow,
  skip: number,
): Promise<WindowedList<T>> {
  const items: T[] = [];
  let skipped = 0;
  for await (const item of source) {
    if (skipped < skip) {
      skipped++;
      continue;
    }
    if (window.limit !== undefined && items.length === window.limit) return { items, truncated: true };
    items.push(item);
  }
  return { items, truncated: false };
}
