import type { IncomingMessage } from 'node:http';
import { EmulatorHttpError } from './emulator-http-error.js';
import { JsonBodyError, parseJsonBody } from './json-body.js';
import type { EmulatorRequest } from './types.js';

/** Builds the buffered view a route handler sees from a received request and its body. */
export function emulatorRequest(
  incoming: IncomingMessage,
  origin: string,
  body: Buffer,
  now: () => Date,
): EmulatorRequest {
  const target = incoming.url ?? '/';
  // Only origin-form targets (`/path?query`) name a resource here; an absolute-form or authority
  // target, or one URL parsing rejects, is a bad request rather than a crash.
  if (!target.startsWith('/') || target.startsWith('//') || !URL.canParse(target, origin)) {
    throw new EmulatorHttpError(400, { message: `request target must be an absolute path, got '${target}'` });
  }
  const queryAt = target.indexOf('?');
  const rawPath = queryAt === -1 ? target : target.slice(0, queryAt);
  const rawQuery = queryAt === -1 ? '' : target.slice(queryAt + 1);
  const url = new URL(target, origin);
  return {
    method: incoming.method ?? 'GET',
    url,
    rawPath,
    rawQuery,
    query: url.searchParams,
    headers: incoming.headers,
    body,
    params: {},
    json<T = unknown>(): T {
      try {
        return parseJsonBody(body) as T;
      } catch (error) {
        const why = error instanceof JsonBodyError && error.reason === 'depth' ? `: ${error.message}` : '';
        throw new EmulatorHttpError(400, { message: `request body is not valid JSON${why}` });
      }
    },
    now,
  };
}
