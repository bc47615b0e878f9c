import type { EmulatorRequest } from '@nimbus-sdk/core/testing';
import { dciError, malformed } from './errors.js';
import { compileQuery, type RowTest } from './query-dsl.js';
import type { Row } from './state.js';

const LIST_PARAMS = new Set([
  'limit',
  'offset',
  'sort',
  'where',
  'query',
  'embed',
  'created_after',
  'updated_after',
]);
const FORBIDDEN_WHERE = new Set(['api_secret', 'data', 'password', 'cert_fp']);
const MAX_LIMIT = 200;
const DEFAULT_LIMIT = 20;

/** Splits a CSV line, honouring double-quoted fields. */
function splitCsv(text: string): string[] {
  const fields: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        current += '"';
        i++;
      } else if (char === '"') quoted = false;
      else current += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      fields.push(current);
      current = '';
    } else current += char;
  }
  fields.push(current);
  return fields;
}

function whereTest(where: string, columns: readonly string[]): RowTest {
  const valid = columns.filter((c) => !FORBIDDEN_WHERE.has(c));
  const tests = splitCsv(where).map((clause): RowTest => {
    const colon = clause.indexOf(':');
    if (colon === -1) throw malformed([`where: '${where}' is not a key-value csv`]);
    const field = clause.slice(0, colon);
    const value = clause.slice(colon + 1);
    if (!valid.includes(field))
      throw dciError(400, `Invalid where key: "${field}"`, { 'Valid where keys': valid });
    if (value === '') return (row) => row[field] === null || row[field] === undefined;
    const contains = value.endsWith('*') && !value.endsWith('**');
    const needle = (contains ? value.slice(0, -1) : value).toLowerCase();
    return (row) => {
      const actual = row[field];
      if (Array.isArray(actual)) return actual.map(String).includes(value);
      if (actual === null || actual === undefined) return false;
      const text = String(actual).toLowerCase();
      return contains ? text.includes(needle) : text === needle;
    };
  });
  return (row) => tests.every((test) => test(row));
}

function sorter(sort: string, columns: readonly string[]): (a: Row, b: Row) => number {
  const keys = sort.split(',').map((key) => {
    const descending = key.startsWith('-');
    const column = descending ? key.slice(1) : key;
    if (!columns.includes(column))
      throw dciError(400, `Invalid sort key: "${column}"`, { 'Valid sort keys': columns });
    return { column, descending };
  });
  return (a, b) => {
    for (const { column, descending } of keys) {
      const x = a[column];
      const y = b[column];
      const order =
        x === y
          ? 0
          : x === null || x === undefined
            ? -1
            : y === null || y === undefined
              ? 1
              : String(x) < String(y)
                ? -1
                : 1;
      if (order !== 0) return descending ? -order : order;
    }
    return 0;
  };
}

function integer(name: string, raw: string, min: number): number {
  if (!/^\d+$/.test(raw) || Number(raw) < min) {
    throw malformed([`${name}: '${raw}' is not a valid ${min === 0 ? 'non-negative' : 'positive'} integer`]);
  }
  return Number(raw);
}

const ISO_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?$/;

/**
 * A `created_after`/`updated_after` value as a comparable timestamp: epoch milliseconds or
 * `YYYY-MM-DDTHH:MM:SS[.ffffff]`. Anything else, or a date Python's datetime cannot hold (years
 * 1–9999), is the server's 400, never a crash.
 */
function timestampBound(param: string, raw: string): string {
  let date: Date | undefined;
  if (/^\d{1,16}$/.test(raw)) date = new Date(Number(raw));
  else if (ISO_TIMESTAMP.test(raw)) date = new Date(`${raw}Z`);
  const year = date?.getUTCFullYear() ?? Number.NaN;
  if (!date || Number.isNaN(date.getTime()) || year < 1 || year > 9999) {
    throw malformed([
      `${param}: '${raw}' is not a valid date (epoch milliseconds or YYYY-MM-DDTHH:MM:SS.ffffff)`,
    ]);
  }
  return ISO_TIMESTAMP.test(raw) ? raw : date.toISOString().slice(0, -1);
}

/** One list answer: the page and the total before paging. */
export interface ListedRows {
  items: Row[];
  count: number;
}

/**
 * Applies the server's list rules (6.2): unknown params 400, `limit` and `offset` only together,
 * limit capped at 200, `where` (case-insensitive, `*` = contains, empty = NULL, arrays contain),
 * `query` (ignored when `where` is present), `sort`, and `_meta.count` before paging.
 */
export function listRows(
  request: EmulatorRequest,
  rows: readonly Row[],
  columns: readonly string[],
  defaultSort = '-created_at',
): ListedRows {
  const params = request.query;
  const unknown = [...new Set(params.keys())].filter((key) => !LIST_PARAMS.has(key));
  if (unknown.length > 0) {
    throw malformed(unknown.map((key) => `Additional properties are not allowed ('${key}' was unexpected)`));
  }
  const limitRaw = params.get('limit');
  const offsetRaw = params.get('offset');
  if ((limitRaw === null) !== (offsetRaw === null)) {
    throw malformed([
      limitRaw === null ? "'limit' is a dependency of 'offset'" : "'offset' is a dependency of 'limit'",
    ]);
  }
  const limit = Math.min(limitRaw === null ? DEFAULT_LIMIT : integer('limit', limitRaw, 1), MAX_LIMIT);
  const offset = offsetRaw === null ? 0 : integer('offset', offsetRaw, 0);
  let selected = [...rows];
  const where = params.get('where');
  const query = params.get('query');
  if (where) selected = selected.filter(whereTest(where, columns));
  else if (query) selected = selected.filter(compileQuery(query, columns));
  for (const [param, column] of [
    ['created_after', 'created_at'],
    ['updated_after', 'updated_at'],
  ] as const) {
    const raw = params.get(param);
    if (!raw) continue;
    const bound = timestampBound(param, raw);
    selected = selected.filter((row) => String(row[column]) >= bound);
  }
  selected.sort(sorter(params.get('sort') || defaultSort, columns));
  return { items: selected.slice(offset, offset + limit), count: selected.length };
}
