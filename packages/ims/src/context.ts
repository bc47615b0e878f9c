import { type Transport, ValidationError } from '@nimbus-sdk/core';

/** Which IMS route family a resource talks to: unversioned (served by v2) or `/v3`. */
export type ImsApiVersion = 'v2' | 'v3';

/** What every resource of a client shares. */
export interface ImsContext {
  transport: Transport;
}

/** Per-call options every resource method takes last. */
export interface CallOptions {
  signal?: AbortSignal;
}

/** The path prefix of an API version: the helper's unversioned paths for v2, `/v3` for v3. */
export function versionPrefix(version: ImsApiVersion): string {
  return version === 'v3' ? '/v3' : '';
}

/**
 * One path segment, percent-encoded. Refuses values that would change which resource is addressed
 * (`''`, `.`, `..`, anything with `/`) before any request is sent; kept in this one place so core's
 * safe path-segment function can replace it.
 */
export function encodePathSegment(value: string, what: string): string {
  if (typeof value !== 'string' || value === '' || value === '.' || value === '..' || value.includes('/')) {
    throw new ValidationError(
      `${what} must be a single path segment (not empty, '.', '..' or containing '/'), got ${JSON.stringify(value)}`,
      [{ path: what, message: 'not a single path segment' }],
    );
  }
  return encodeURIComponent(value);
}
