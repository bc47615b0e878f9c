import { BadRequestError, ConflictError, type HttpError, NotFoundError, ServerError } from '@nimbus-sdk/core';
import { embeddedStorageError } from '../error-body.js';

/** Which enum an embedded storage error code belongs to (spec §6.1). */
export type StorageErrorFamily = 'storage' | 'object';

function typed(family: StorageErrorFamily, code: number, message: string, details: unknown): HttpError {
  const options = { status: 200, details };
  const text = `Naas storage: ${message} (${family} error ${code})`;
  if (code >= 1000) return new ServerError(text, { ...options, retryable: false });
  if (family === 'storage') {
    if (code === 1) return new ConflictError(text, options);
    if (code === 2) return new NotFoundError(text, options);
  } else {
    if (code === 1 || code === 4) return new ConflictError(text, options);
    if (code === 3) return new NotFoundError(text, options);
  }
  return new BadRequestError(text, options);
}

/**
 * The storage API can answer 200 with `{"error": {"error"|"code": n, "message"}}`. naas-python mapped
 * "already exists" to a not-found error and ignored the status; here a non-zero code throws the
 * matching typed error (conflict, not found, bad request, server).
 */
export function throwIfEmbeddedError(family: StorageErrorFamily, body: unknown): void {
  const error = embeddedStorageError(body);
  if (error) throw typed(family, error.code, error.message, body);
}
