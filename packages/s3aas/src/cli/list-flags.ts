import { ValidationError } from '@nimbus-sdk/core';
import { listFlags as coreListFlags, listWindow, parseSort } from '@nimbus-sdk/core/cli';
import * as Flags from '@oclif/core/flags';
import type { FilterValue, ListOptions } from '../list-options.js';

/** `--where`, `--sort-key`, `--sort-dir`, and core's `--limit`, `--all`, `--offset`. */
export const listFlags = {
  where: Flags.string({
    description:
      'Field filter field=value; repeat it, or repeat a field for IN (status=NEW --where status=IN_PROGRESS)',
    multiple: true,
  }),
  'sort-key': Flags.string({ description: 'Field to sort by on the server (one)' }),
  'sort-dir': Flags.string({ description: 'Sort direction', options: ['asc', 'desc'] }),
  ...coreListFlags,
};

/** The parsed list flags. */
export interface ListFlagValues {
  where?: string[];
  'sort-key'?: string;
  'sort-dir'?: string;
  limit?: number;
  all: boolean;
  offset?: number;
  /** The base `--sort`: one field is sent as sort_key/sort_dir, more are sorted client side. */
  sort?: string;
}

/**
 * List flags → SDK list options, and whether the server applies `--sort` (a single field, with no
 * `--sort-key`: the API sorts by one key); pass `sorted` on to `NimbusCommand.takeList`.
 */
export function listOptionsOf(flags: ListFlagValues): { options: ListOptions; sorted: boolean } {
  const where: Record<string, FilterValue> = {};
  for (const pair of flags.where ?? []) {
    const at = pair.indexOf('=');
    if (at < 1) {
      throw new ValidationError(`--where must be field=value, got ${JSON.stringify(pair)}`, [
        { path: 'where', message: 'field=value' },
      ]);
    }
    const key = pair.slice(0, at);
    const value = pair.slice(at + 1);
    const previous = where[key];
    where[key] =
      previous === undefined
        ? value
        : [...(Array.isArray(previous) ? previous : [previous as string]), value];
  }
  const { limit, offset } = listWindow(flags);
  // One row past the window tells whether the default limit cut the list.
  const max = limit === undefined ? undefined : offset + limit + 1;
  const [only, ...more] = flags.sort && !flags['sort-key'] ? parseSort(flags.sort) : [];
  const serverSort = only && more.length === 0 ? only : undefined;
  return {
    sorted: serverSort !== undefined,
    options: {
      where,
      sortKey: serverSort?.key ?? flags['sort-key'],
      sortDir: serverSort
        ? serverSort.descending
          ? 'desc'
          : 'asc'
        : (flags['sort-dir'] as ListOptions['sortDir']),
      pageLimit: Math.min(max ?? 200, 200),
    },
  };
}
