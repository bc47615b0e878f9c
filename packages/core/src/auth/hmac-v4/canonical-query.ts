import { encodeRfc3986 } from './percent-encoding.js';

/**
 * How the query becomes the canonical query string:
 * - `aws`: every decoded pair is kept (duplicates and blank values too).
 * - `map`: the pairs as a map (as a client that signs `dict(parse_qsl(query))` does, e.g. DCI's):
 *   blank values are dropped and the last duplicate wins.
 * Both then encode keys and values RFC 3986-strict and sort by key, then value.
 */
export type HmacV4QueryMode = 'aws' | 'map';

/** One decoded query pair. */
export type QueryPair = readonly [key: string, value: string];

/** Decodes a raw query string (`a=1&b=x%20y`, no `?`) into pairs, `+` read as a space. */
export function parseQueryPairs(rawQuery: string): QueryPair[] {
  if (rawQuery === '') return [];
  return [...new URLSearchParams(rawQuery)];
}

/** The canonical query string for decoded `pairs` in `mode`. */
export function canonicalQuery(pairs: Iterable<QueryPair>, mode: HmacV4QueryMode): string {
  let selected: QueryPair[];
  if (mode === 'map') {
    const map = new Map<string, string>();
    for (const [key, value] of pairs) if (value !== '') map.set(key, value);
    selected = [...map];
  } else {
    selected = [...pairs];
  }
  return selected
    .map(([key, value]) => [encodeRfc3986(key), encodeRfc3986(value)] as const)
    .sort(([k1, v1], [k2, v2]) => compareBytes(k1, k2) || compareBytes(v1, v2))
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
}

// Encoded strings are pure ASCII, so UTF-16 code unit order is byte order.
function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
