import { type CallOptions, type Transport, ValidationError } from '@nimbus-sdk/core';

/** Where every s3aas route lives under the MetaPaaS user API. */
export const S3_ROOT = '/v1/types/s3';

/** The MetaPaaS project every s3aas permission is bound to; tokens are scoped to it by default. */
export const METAPAAS_PROJECT_ID = '4d657461-0000-0000-0000-000000000002';

/** Options every SDK method takes last (core's, so every provider reads the same). */
export type { CallOptions };

/** What every resource of one client shares. */
export interface S3aasContext {
  readonly transport: Transport;
}

/**
 * Encodes one path segment, refusing values that would change the path's shape ('', '.', '..' or
 * anything holding '/') before any request. Kept in this one place so core's safe path-segment
 * function can replace it.
 */
export function encodePathSegment(value: string, what = 'id'): string {
  if (typeof value !== 'string' || value === '' || value === '.' || value === '..' || value.includes('/')) {
    throw new ValidationError(`${what} must be a non-empty id without '/', got ${JSON.stringify(value)}`, [
      { path: what, message: "must be a non-empty id without '/' (a uuid)" },
    ]);
  }
  return encodeURIComponent(value);
}
