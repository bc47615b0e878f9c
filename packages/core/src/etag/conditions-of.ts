import { ValidationError } from '../errors/client-errors.js';
import type { Conditions, Versioned } from './conditions.js';

/**
 * What an SDK method accepts as its precondition: explicit `Conditions`, or the entity it read
 * (whose ETag becomes `If-Match`).
 */
export type ConditionsInput = Conditions | Versioned;

/**
 * Normalises a method's precondition input to `Conditions`. An entity without an ETag is refused
 * before any request, because sending no `If-Match` would silently overwrite someone else's change.
 *
 * @example
 * const job = await dci.jobs.get(id);
 * transport.send({ method: 'PUT', path: `/jobs/${id}`, conditions: conditionsOf(job), ... });
 */
export function conditionsOf(input: ConditionsInput | undefined): Conditions | undefined {
  if (input === undefined) return undefined;
  if ('ifMatch' in input || 'ifNoneMatch' in input || Object.keys(input).length === 0)
    return input as Conditions;
  // Anything else is an entity: it must carry the ETag it was read with.
  const { etag } = input as Versioned;
  if (typeof etag === 'string' && etag !== '') return { ifMatch: etag };
  throw new ValidationError('The entity has no etag to send as If-Match; read it again before changing it', [
    { path: 'etag', message: 'missing or empty' },
  ]);
}
