import type { EmulatorRequest } from '@nimbus-sdk/core/testing';
import type { EmulatorS3, ObjectBackend } from './object-backend.js';
import type { PagingSource } from './paging.js';
import type { NaasState, UserState } from './state.js';

/** How the emulated services behave where the real ones are uncertain or configurable. */
export interface NaasEmulatorBehaviour {
  /** Where the secret list reads its paging (default `body-or-query`; the real server: `body`). */
  secretPaging: PagingSource;
  /** Storage error code key: `error` (models 1.11.2, default) or `code` (≥ 1.11.6). */
  storageErrorKey: 'error' | 'code';
  /** Storage failures as HTTP 4xx (default) or as 200 with an `error` object. */
  storageErrorStatus: 'http' | 'ok';
  /** Lifetime of issued S3 credentials, seconds (default 3600). */
  credentialsTtlSeconds: number;
  /** `space` (`2024-06-19 16:41:39+00:00`, the server's) or `T` (ISO). */
  expirationFormat: 'space' | 'T';
  /** Host part of registry URIs (`<host>/<name>`). */
  registryHost: string;
}

/** What every route family gets. */
export interface RouteContext {
  state: NaasState;
  behaviour: NaasEmulatorBehaviour;
  objects: ObjectBackend;
  /** The real S3 whose keys the credentials endpoint hands out, if any. */
  s3: EmulatorS3 | undefined;
  caller(request: EmulatorRequest): Promise<UserState>;
}

/** Reads a JSON object body, or `{}` when the body is empty (GET/DELETE carry `{}` or nothing). */
export function bodyObject(request: EmulatorRequest): Record<string, unknown> {
  if (request.body.length === 0) return {};
  const value = request.json<unknown>();
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
