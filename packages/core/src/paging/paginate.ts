import { ValidationError } from '../errors/client-errors.js';
import { throwIfAborted } from '../waiters/abort.js';
import { RepeatedCursorError } from './repeated-cursor-error.js';
import type { FetchPage, Page, PagedIterable, PaginateOptions } from './types.js';

/**
 * Turns a page fetcher into a lazy async iterable of items. Nothing is fetched until iteration
 * starts, each page is fetched only when the previous one is used up (a `break` stops fetching),
 * and only the current page is held. `byPage()` yields whole pages with their continuation, so a
 * walk can be resumed later with `byPage({ startAt: page.next })`.
 *
 * @example
 * for await (const job of paginate((cursor, signal) => fetchJobs(cursor, signal))) {
 *   if (job.status === 'failure') break; // no further page is requested
 * }
 */
export function paginate<T, C>(
  fetchPage: FetchPage<T, C>,
  options: PaginateOptions = {},
): PagedIterable<T, C> {
  const byPage = (pageOptions: { startAt?: C; signal?: AbortSignal } = {}) => ({
    [Symbol.asyncIterator]: () => walkPages(fetchPage, pageOptions.startAt, pageOptions.signal),
  });
  const items = (signal: AbortSignal | undefined) => walkItems(walkPages(fetchPage, undefined, signal));
  return {
    [Symbol.asyncIterator]: () => items(options.signal),
    byPage,
    async toArray(arrayOptions = {}) {
      const max = arrayOptions.max ?? Number.POSITIVE_INFINITY;
      if (max !== Number.POSITIVE_INFINITY && !(Number.isInteger(max) && max >= 0)) {
        throw new ValidationError(`toArray: max must be a whole number >= 0, got ${String(max)}`, [
          { path: 'max', message: 'must be a whole number >= 0' },
        ]);
      }
      const collected: T[] = [];
      if (max === 0) return collected;
      for await (const item of items(arrayOptions.signal ?? options.signal)) {
        collected.push(item);
        if (collected.length >= max) break;
      }
      return collected;
    },
  };
}

async function* walkPages<T, C>(
  fetchPage: FetchPage<T, C>,
  startAt: C | undefined,
  signal: AbortSignal | undefined,
): AsyncGenerator<Page<T, C>, void, undefined> {
  const seen = new Set<string>();
  if (startAt !== undefined) rememberCursor(seen, startAt, 0);
  let cursor = startAt;
  let pagesFetched = 0;
  // Declared outside the loop and cleared after use so the previous page is collectable while
  // the next one is in flight.
  let page: Page<T, C> | undefined;
  for (;;) {
    throwIfAborted(signal, 'Paging');
    page = await fetchPage(cursor, signal);
    pagesFetched += 1;
    if (!page || !Array.isArray(page.items)) {
      throw new TypeError(`fetchPage must resolve to { items: [], next }, got ${describe(page)}`);
    }
    const next: C | undefined = page.next ?? undefined;
    yield page;
    page = undefined;
    if (next === undefined) return;
    rememberCursor(seen, next, pagesFetched);
    cursor = next;
  }
}

async function* walkItems<T, C>(
  pages: AsyncGenerator<Page<T, C>, void, undefined>,
): AsyncGenerator<T, void, undefined> {
  let items: T[] | undefined;
  try {
    for (;;) {
      const step = await pages.next();
      if (step.done) return;
      items = step.value.items;
      for (const item of items) yield item;
      items = undefined;
    }
  } finally {
    // A `break` in the caller's loop lands here: close the page walk too.
    await pages.return(undefined);
  }
}

/**
 * How many recent continuations a walk remembers to detect a loop. Bounded so an endless feed
 * keeps constant memory; a cycle longer than this many pages goes unnoticed.
 */
const REMEMBERED_CURSORS = 1_000;

/** Records `cursor`, throwing when it was already seen recently in this walk. */
function rememberCursor(seen: Set<string>, cursor: unknown, pagesFetched: number): void {
  const key = cursorKey(cursor);
  if (key === undefined) return;
  if (seen.has(key)) throw new RepeatedCursorError(cursor, pagesFetched);
  seen.add(key);
  if (seen.size > REMEMBERED_CURSORS) {
    // Sets iterate in insertion order: the first key is the oldest.
    for (const oldest of seen) {
      seen.delete(oldest);
      break;
    }
  }
}

function cursorKey(cursor: unknown): string | undefined {
  if (typeof cursor === 'object' && cursor !== null) {
    try {
      return `o:${JSON.stringify(cursor)}`;
    } catch {
      // A cursor that cannot be serialised cannot be compared; such a walk goes unguarded.
      return undefined;
    }
  }
  return `${typeof cursor}:${String(cursor)}`;
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  return typeof value === 'object' ? `an object without an items array` : typeof value;
}
