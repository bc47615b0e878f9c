import { paginate } from './paginate.js';
import type { PagedIterable, PaginateOptions } from './types.js';

/** One page of a token-paged collection: the token of the next page travels in the body. */
export interface PageTokenResult<T> {
  items: T[];
  /** Token of the next page; `undefined`, `null` or `''` mean this was the last page. */
  nextToken?: string | null;
  total?: number;
}

/** Options of {@link pageTokenPages}. */
export interface PageTokenOptions<T> extends PaginateOptions {
  /** Fetches the page for `token` (`undefined` = first page). */
  fetch: (token: string | undefined, signal?: AbortSignal) => Promise<PageTokenResult<T>>;
}

/**
 * Pages a collection whose answers carry the next page's token (`nextPageToken`, `continue`,
 * `marker`). A token the service already returned stops the walk with `RepeatedCursorError`.
 *
 * @example
 * const secrets = pageTokenPages({ fetch: async (token, signal) => {
 *   const body = await listSecrets({ pageToken: token }, signal);
 *   return { items: body.secrets, nextToken: body.nextPageToken };
 * } });
 */
export function pageTokenPages<T>(options: PageTokenOptions<T>): PagedIterable<T, string> {
  const { fetch } = options;
  return paginate<T, string>(async (token, signal) => {
    const { items, nextToken, total } = await fetch(token, signal);
    return { items, next: nextToken ? nextToken : undefined, total };
  }, options);
}
