import type { EmulatorRequest } from '@nimbus-sdk/core/testing';
import { restError } from './errors.js';
import { type FieldRules, parseFilterValue } from './field-rules.js';
import type { Row } from './state.js';

const RESERVED = new Set(['fields', 'sort_key', 'sort_dir', 'page_limit', 'page_marker']);

/** One page of a list answer and the paging headers that go with it. */
export interface ListAnswer {
  rows: Row[];
  headers: Record<string, string>;
  fields: string[];
}

/**
 * restalchemy's list: equality filters on any field (a repeated parameter means IN), one sort key,
 * `fields`, and opt-in keyset paging: with `page_limit` the answer carries `X-Pagination-Limit` and,
 * when the page is full, `X-Pagination-Marker` (the last item's uuid) to pass back as `page_marker`.
 */
export function listRows(request: EmulatorRequest, rules: FieldRules, rows: Iterable<Row>): ListAnswer {
  const query = request.query;
  const filters = new Map<string, unknown[]>();
  for (const name of new Set(query.keys())) {
    if (RESERVED.has(name)) continue;
    const rule = rules[name];
    if (!rule || rule.access === 'hidden') {
      throw restError(400, 'ValidationFilterIncompatibleError', `Filter ${name} is not supported`);
    }
    filters.set(
      name,
      query.getAll(name).map((raw) => parseFilterValue(name, rule, raw)),
    );
  }
  const sortKeys = query.getAll('sort_key');
  if (sortKeys.length > 1)
    throw restError(400, 'ValidationSortNumberError', 'Only one sort key is supported for paginated lists');
  const sortKey = sortKeys[0] ?? 'uuid';
  if (!rules[sortKey] && sortKey !== 'uuid')
    throw restError(400, 'ValidationFilterIncompatibleError', `Sort key ${sortKey} is not supported`);
  const direction = query.get('sort_dir') === 'desc' ? -1 : 1;
  let selected = [...rows].filter((row) =>
    [...filters].every(([name, values]) =>
      values.some((value) => JSON.stringify(row[name]) === JSON.stringify(value)),
    ),
  );
  selected.sort((a, b) => direction * (compare(a[sortKey], b[sortKey]) || compare(a.uuid, b.uuid)));
  const headers: Record<string, string> = {};
  const limitRaw = query.get('page_limit');
  if (limitRaw !== null) {
    const limit = Number(limitRaw);
    if (!Number.isInteger(limit) || limit < 1)
      throw restError(400, 'ParseError', `Can't parse value: page_limit=${limitRaw}.`);
    const marker = query.get('page_marker');
    if (marker) {
      const at = selected.findIndex((row) => row.uuid === marker);
      if (at < 0) throw restError(400, 'ParseError', `Unknown page_marker ${marker}`);
      selected = selected.slice(at + 1);
    }
    selected = selected.slice(0, limit);
    headers['x-pagination-limit'] = String(limit);
    if (selected.length === limit) headers['x-pagination-marker'] = (selected[limit - 1] as Row).uuid;
  }
  return { rows: selected, headers, fields: query.getAll('fields') };
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === undefined || a === null) return -1;
  if (b === undefined || b === null) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : 1;
}
