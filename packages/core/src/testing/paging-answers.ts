/**
 * One page of `items` for offset/limit paging. A missing offset starts at 0 and a missing limit takes
 * the rest; offsets past the end give an empty page, as real services do.
 */
export function sliceOffsetLimit<T>(items: readonly T[], offset = 0, limit?: number): T[] {
  if (!Number.isInteger(offset) || offset < 0) {
    throw new RangeError(`offset must be a whole number >= 0, got ${offset}`);
  }
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 0)) {
    throw new RangeError(`limit must be a whole number >= 0, got ${limit}`);
  }
  return items.slice(offset, limit === undefined ? undefined : offset + limit);
}

/** Page links for a `Link` header. */
export interface PageLinks {
  next?: string;
  prev?: string;
  first?: string;
  last?: string;
}

/**
 * An RFC 8288 `Link` header value (`<url>; rel="next", <url>; rel="prev"`), or `undefined` when there
 * is no link, so the header can be left out.
 */
export function linkHeader(links: PageLinks): string | undefined {
  const parts: string[] = [];
  for (const rel of ['first', 'prev', 'next', 'last'] as const) {
    const url = links[rel];
    if (url !== undefined) parts.push(`<${url}>; rel="${rel}"`);
  }
  return parts.length > 0 ? parts.join(', ') : undefined;
}
