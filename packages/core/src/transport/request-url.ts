import { ValidationError } from '../errors/client-errors.js';
import type { Query } from './types.js';

/** RFC 3986 component encoding: unlike URLSearchParams, a space is `%20`, not `+` (signers care). */
function encodeComponent(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** The query string for `query` (no `?`); `undefined`/`null` entries are dropped, arrays repeat the key. */
export function encodeQuery(query: Query | undefined): string {
  if (!query) return '';
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    const values = Array.isArray(value) ? value : [value];
    for (const item of values) parts.push(`${encodeComponent(key)}=${encodeComponent(String(item))}`);
  }
  return parts.join('&');
}

/**
 * Joins `baseUrl` and `path` keeping any path prefix of the base (`https://h/api/v1` + `/jobs` →
 * `https://h/api/v1/jobs`), which `new URL(path, base)` would drop. An absolute `path` (a Link header's
 * next page) is used as is. The path must already be percent-encoded.
 */
export function buildUrl(baseUrl: string, path: string, query: Query | undefined): URL {
  let url: URL;
  if (/^https?:\/\//i.test(path)) {
    url = new URL(path);
  } else {
    if (/[\s#]/.test(path)) {
      throw new ValidationError(
        `path must be percent-encoded and have no spaces or '#': ${JSON.stringify(path)}`,
        [{ path: 'path', message: 'contains a space or #' }],
      );
    }
    // Most bases have no trailing slash; only those pay for the regex.
    const base = baseUrl.endsWith('/') ? baseUrl.replace(/\/+$/, '') : baseUrl;
    const relative = path.startsWith('/') ? path : `/${path}`;
    url = new URL(base + relative);
  }
  if (query === undefined) return url;
  const extra = encodeQuery(query);
  if (extra) url.search = url.search ? `${url.search.slice(1)}&${extra}` : extra;
  return url;
}
