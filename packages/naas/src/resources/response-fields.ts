import { HttpError } from '@nimbus-sdk/core';

/**
 * Reads `key` from a response body leniently: unknown fields are kept, a missing optional envelope
 * falls back to the body itself, but a body that is not an object at all is a clear error.
 */
export function field<T>(body: unknown, key: string, what: string): T {
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    const value = (body as Record<string, unknown>)[key];
    if (value !== undefined && value !== null) return value as T;
    return body as T;
  }
  throw new HttpError(`Unexpected ${what} response: expected a JSON object with "${key}"`, {
    status: 200,
    details: body,
  });
}

/** Reads a list under `key`; a missing or null list is empty (the server omits empty lists). */
export function listField<T>(body: unknown, key: string): T[] {
  if (Array.isArray(body)) return body as T[];
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[key] : undefined;
  return Array.isArray(value) ? (value as T[]) : [];
}
