import { createHash } from 'node:crypto';

/**
 * A strong ETag for a value: a hash of its bytes (strings, buffers) or of its JSON, quoted as HTTP
 * requires. Equal content gives equal tags, so a no-op update keeps its ETag.
 */
export function etagFor(value: unknown): string {
  const bytes =
    typeof value === 'string' || value instanceof Uint8Array ? value : JSON.stringify(value ?? null);
  return `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`;
}

/** The entity tags of an If-Match / If-None-Match value, `['*']` for the wildcard. */
export function parseEtagList(header: string): string[] {
  if (header.trim() === '*') return ['*'];
  return header.match(/(?:W\/)?"[^"]*"/g) ?? [];
}

const opaque = (tag: string) => (tag.startsWith('W/') ? tag.slice(2) : tag);

/** RFC 9110 strong comparison: both strong and byte-identical. */
export function strongEtagMatch(a: string, b: string): boolean {
  return !a.startsWith('W/') && !b.startsWith('W/') && a === b;
}

/** RFC 9110 weak comparison: the opaque tags are equal, `W/` ignored. */
export function weakEtagMatch(a: string, b: string): boolean {
  return opaque(a) === opaque(b);
}

/**
 * Whether an `If-Match` precondition holds for a resource whose current tag is `etag` (`undefined`:
 * the resource does not exist). No header holds; `*` holds when the resource exists; otherwise one
 * listed tag must match by strong comparison. When false, answer 412.
 */
export function ifMatchSatisfied(header: string | undefined, etag: string | undefined): boolean {
  if (header === undefined) return true;
  if (etag === undefined) return false;
  const tags = parseEtagList(header);
  if (tags[0] === '*') return true;
  return tags.some((tag) => strongEtagMatch(tag, etag));
}

/**
 * Whether an `If-None-Match` precondition holds. No header holds; `*` holds only when the resource
 * does not exist; otherwise no listed tag may match by weak comparison. When false, answer 304 for
 * GET/HEAD and 412 for other methods.
 */
export function ifNoneMatchSatisfied(header: string | undefined, etag: string | undefined): boolean {
  if (header === undefined) return true;
  const tags = parseEtagList(header);
  if (tags[0] === '*') return etag === undefined;
  if (etag === undefined) return true;
  return !tags.some((tag) => weakEtagMatch(tag, etag));
}
