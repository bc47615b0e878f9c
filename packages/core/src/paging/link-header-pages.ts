import { ValidationError } from '../errors/client-errors.js';
import { findLink, parseLinkHeader } from './link-header.js';
import { paginate } from './paginate.js';
import type { PagedIterable, PaginateOptions } from './types.js';

/** One page of a Link-header-paged collection. */
export interface LinkHeaderResult<T> {
  items: T[];
  /** The response's `Link` header (`response.headers.get('link')`). */
  link?: string | null;
  /** The URL the response came from after redirects; relative links resolve against it. */
  url?: string;
  total?: number;
}

/** Options of {@link linkHeaderPages}. */
export interface LinkHeaderOptions<T> extends PaginateOptions {
  /** Absolute URL of the first page. */
  url: string | URL;
  /** Fetches one page by its absolute URL. */
  fetch: (url: string, signal?: AbortSignal) => Promise<LinkHeaderResult<T>>;
  /** Relation type that leads to the next page. Default `next`. */
  rel?: string;
}

/**
 * Pages a collection that links to its next page in the `Link` response header (RFC 8288).
 * The continuation of each page is the absolute URL of the next one.
 *
 * @example
 * const repos = linkHeaderPages({ url: `${base}/repos?per_page=100`, fetch: async (url, signal) => {
 *   const res = await transport.send<Repo[]>({ method: 'GET', path: url, signal });
 *   return { items: res.data, link: res.headers.get('link') };
 * } });
 */
export function linkHeaderPages<T>(options: LinkHeaderOptions<T>): PagedIterable<T, string> {
  const first = absoluteUrl(options.url);
  const rel = options.rel ?? 'next';
  return paginate<T, string>(async (cursor, signal) => {
    const requested = cursor ?? first;
    const { items, link, url, total } = await options.fetch(requested, signal);
    const next = findLink(parseLinkHeader(link, url ?? requested), rel);
    return { items, next: next?.url, total };
  }, options);
}

function absoluteUrl(url: string | URL): string {
  try {
    return new URL(url).href;
  } catch {
    throw new ValidationError(
      `linkHeaderPages: url must be an absolute URL, got ${JSON.stringify(String(url))}`,
      [{ path: 'url', message: 'must be an absolute URL (https://host/path)' }],
    );
  }
}
