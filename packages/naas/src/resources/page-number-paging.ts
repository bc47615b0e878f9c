import { type PagedIterable, paginate, ValidationError } from '@nimbus-sdk/core';

/** naas-python's paging parameters. `pageSize` 0 (the default) asks for everything in one answer. */
export interface PageNumberOptions {
  /** Items per page; 0 = all at once (naas-python's default). */
  pageSize?: number;
  /** First page to read (1-based); default 1. */
  pageNumber?: number;
  signal?: AbortSignal;
}

function check(value: number | undefined, what: string): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 0) {
    throw new ValidationError(`${what} must be a whole number >= 0, got ${String(value)}`, [
      { path: what, message: 'not a whole number >= 0' },
    ]);
  }
  return value;
}

/**
 * A lazy walk over `page_size`/`page_number` pages. With a page size, pages are read from
 * `pageNumber` on until one comes back shorter than the page size; with none (0), one request asks
 * for everything, as naas-python does by default.
 */
export function pageNumberPages<T>(
  options: PageNumberOptions,
  fetchPage: (pageSize: number, pageNumber: number, signal?: AbortSignal) => Promise<T[]>,
): PagedIterable<T, number> {
  const pageSize = check(options.pageSize, 'pageSize') ?? 0;
  const first = check(options.pageNumber, 'pageNumber') ?? (pageSize > 0 ? 1 : 0);
  return paginate<T, number>(
    async (cursor, signal) => {
      const number = cursor ?? first;
      const items = await fetchPage(pageSize, number, signal ?? options.signal);
      const next = pageSize > 0 && items.length >= pageSize ? number + 1 : undefined;
      return { items, next };
    },
    { signal: options.signal },
  );
}
