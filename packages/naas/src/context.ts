import { type Transport, ValidationError } from '@nimbus-sdk/core';
import type { GetWithBody } from './get-with-body.js';

/** What every Naas resource shares. */
export interface NaasContext {
  /** Core transport for every call a fetch can carry. */
  transport: Transport;
  /** The one seam for GETs whose parameters the server reads from the body (see get-with-body.ts). */
  getWithBody: GetWithBody;
}

/** Per-call options. */
export interface CallOptions {
  signal?: AbortSignal;
}

/**
 * Encodes one path segment. naas-python interpolated names raw, so `a/b` or `..` reached another
 * route; here such a value is refused before any request. Kept in one place so it can be swapped
 * for core's safe path-segment function when core has one.
 */
export function encodePathSegment(value: string, what: string): string {
  if (typeof value !== 'string' || value === '' || value === '.' || value === '..' || value.includes('/')) {
    throw new ValidationError(
      `${what} must be a non-empty name without '/' and not '.' or '..', got ${JSON.stringify(value)}`,
      [{ path: what, message: 'not a safe path segment' }],
    );
  }
  return encodeURIComponent(value);
}
