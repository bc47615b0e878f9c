import { type Query, ValidationError } from '@nimbus-sdk/core';

/** A filter value: equality, or IN when an array. */
export type FilterValue = string | number | boolean | readonly (string | number | boolean)[];

/** How a list is filtered, sorted, trimmed and paged. */
export interface ListOptions {
  /** Field equality filters (`{ status: 'ACTIVE' }`); an array means IN (`{ status: ['NEW', 'IN_PROGRESS'] }`). */
  where?: Readonly<Record<string, FilterValue>>;
  /** One sort key (the server accepts one on paged lists). Default `uuid`. */
  sortKey?: string;
  sortDir?: 'asc' | 'desc';
  /** Only these fields in each item. */
  fields?: readonly string[];
  /** Items per request (`page_limit`). Default 100. */
  pageLimit?: number;
  signal?: AbortSignal;
}

const RESERVED = new Set(['fields', 'sort_key', 'sort_dir', 'page_limit', 'page_marker']);

/** The query of a list request, without the marker; bad options fail before any request. */
export function listQuery(options: ListOptions = {}): { query: Query; pageLimit: number } {
  const pageLimit = options.pageLimit ?? 100;
  if (!Number.isInteger(pageLimit) || pageLimit < 1) {
    throw new ValidationError(`pageLimit must be a whole number >= 1, got ${String(pageLimit)}`, [
      { path: 'pageLimit', message: 'must be a whole number >= 1' },
    ]);
  }
  if (options.sortDir !== undefined && options.sortDir !== 'asc' && options.sortDir !== 'desc') {
    throw new ValidationError(`sortDir must be asc or desc, got ${JSON.stringify(options.sortDir)}`, [
      { path: 'sortDir', message: 'asc or desc' },
    ]);
  }
  const query: Query = {};
  for (const [key, value] of Object.entries(options.where ?? {})) {
    if (RESERVED.has(key)) {
      throw new ValidationError(`where.${key} is a reserved list parameter, not a field filter`, [
        { path: `where.${key}`, message: 'use sortKey, sortDir, fields or pageLimit instead' },
      ]);
    }
    query[key] = value;
  }
  if (options.sortKey) query.sort_key = options.sortKey;
  if (options.sortDir) query.sort_dir = options.sortDir;
  if (options.fields && options.fields.length > 0) query.fields = [...options.fields];
  return { query, pageLimit };
}
