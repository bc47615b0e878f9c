import { ValidationError, type ValidationIssue } from '../errors/client-errors.js';
import { paginate } from './paginate.js';
import type { PagedIterable, PaginateOptions } from './types.js';

/** One page as an offset/limit service answers it. */
export interface OffsetLimitResult<T> {
  items: T[];
  /** Total matching items, when reported (DCI `_meta.count`, CloudAPI `x-resource-count`). */
  total?: number;
}

/** Options of {@link offsetLimitPages}. */
export interface OffsetLimitOptions<T> extends PaginateOptions {
  /** Items asked for per request (the `limit`). */
  pageSize: number;
  /** Fetches `limit` items starting at `offset`. */
  fetch: (offset: number, limit: number, signal?: AbortSignal) => Promise<OffsetLimitResult<T>>;
  /** Where the first page starts. Default 0. */
  startOffset?: number;
}

/**
 * Pages an offset/limit collection (DCI, CloudAPI). The continuation of each page is the offset
 * of the next one. The walk ends on an empty page, when the offset reaches the reported total,
 * or, when no total is reported, on a page shorter than `pageSize`. With a total, a short page
 * does not end the walk because services silently cap the limit (DCI at 200).
 *
 * @example
 * const machines = offsetLimitPages({ pageSize: 100, fetch: (offset, limit, signal) =>
 *   cloudapi.listMachines({ offset, limit }, { signal }) });
 * for await (const machine of machines) console.log(machine.name);
 */
export function offsetLimitPages<T>(options: OffsetLimitOptions<T>): PagedIterable<T, number> {
  const { pageSize, fetch, startOffset = 0 } = options;
  const issues: ValidationIssue[] = [];
  if (!Number.isInteger(pageSize) || pageSize < 1) {
    issues.push({ path: 'pageSize', message: `must be a whole number >= 1, got ${String(pageSize)}` });
  }
  if (!Number.isInteger(startOffset) || startOffset < 0) {
    issues.push({ path: 'startOffset', message: `must be a whole number >= 0, got ${String(startOffset)}` });
  }
  if (typeof fetch !== 'function') issues.push({ path: 'fetch', message: 'must be a function' });
  if (issues.length > 0) {
    const summary = issues.map((issue) => `${issue.path} ${issue.message}`).join('; ');
    throw new ValidationError(`Invalid offset/limit paging options: ${summary}`, issues);
  }
  return paginate<T, number>(async (cursor, signal) => {
    const offset = cursor ?? startOffset;
    const { items, total } = await fetch(offset, pageSize, signal);
    const reached = offset + items.length;
    const more = items.length > 0 && (total === undefined ? items.length >= pageSize : reached < total);
    return { items, next: more ? reached : undefined, total };
  }, options);
}
