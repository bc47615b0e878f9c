import type { Versioned } from './conditions.js';

/** Anything an ETag can be read from. */
export type EtagSource = Versioned | Headers | string | null | undefined;

/**
 * The ETag of an entity, response or header set, verbatim (quotes and `W/` kept), or `undefined`
 * when there is none. Pass the result as `conditions.ifMatch` unchanged.
 *
 * @example
 * const res = await transport.send<Job>({ method: 'GET', path: `/jobs/${id}` });
 * etagOf(res)            // '"8d0c…"' from the ETag header
 * etagOf(res.data)       // DCI also puts it in the body: '8d0c…'
 */
export function etagOf(source: EtagSource): string | undefined {
  if (source === null || source === undefined) return undefined;
  if (typeof source === 'string') return source === '' ? undefined : source;
  if (source instanceof Headers) return source.get('etag') || undefined;
  const { etag } = source;
  return typeof etag === 'string' && etag !== '' ? etag : undefined;
}
