/** One page as fetched: its items and the cursor of the next page (`undefined` = last page). */
export interface Page<T, C = unknown> {
  items: T[];
  /** Continuation to pass back to resume after this page. */
  next: C | undefined;
  /** Total count when the service reports one (DCI `_meta.count`, CloudAPI `x-resource-count`). */
  total?: number;
}

/** Fetches the page at `cursor` (`undefined` = first page). */
export type FetchPage<T, C> = (cursor: C | undefined, signal?: AbortSignal) => Promise<Page<T, C>>;

/** A lazy async iterable of items; `byPage()` walks whole pages with their continuation tokens. */
export interface PagedIterable<T, C = unknown> extends AsyncIterable<T> {
  byPage(options?: { startAt?: C; signal?: AbortSignal }): AsyncIterable<Page<T, C>>;
  /** Collects every item (or the first `max`) into an array. */
  toArray(options?: { max?: number; signal?: AbortSignal }): Promise<T[]>;
}

/** Options of `paginate`. */
export interface PaginateOptions {
  /** Checked before every fetch of item iteration and `toArray` (`byPage` takes its own). */
  signal?: AbortSignal;
}
