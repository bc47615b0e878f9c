/** HTTP preconditions. ETag values are sent verbatim, quotes and `W/` included. */
export interface Conditions {
  ifMatch?: string;
  ifNoneMatch?: string;
}

/** Something that remembers the ETag it was read with. */
export interface Versioned {
  readonly etag?: string;
}

/** Request headers for `conditions`. */
export function conditionHeaders(conditions: Conditions | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  if (conditions?.ifMatch !== undefined) headers['If-Match'] = conditions.ifMatch;
  if (conditions?.ifNoneMatch !== undefined) headers['If-None-Match'] = conditions.ifNoneMatch;
  return headers;
}
