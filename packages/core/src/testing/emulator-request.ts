import type { IncomingMessage } from 'node:http';
import { EmulatorHttpError } from './emulator-http-error.js';
import type { EmulatorRequest } from './types.js';

/** Builds the buffered view a route handler sees from a received request and its body. */
export function emulatorRequest(
  incoming: IncomingMessage,
  origin: string,
  body: Buffer,
  now: () => Date,
): EmulatorRequest {
  const target = incoming.url ?? '/';
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
        return JSON.parse(body.toString('utf8')) as T;
      } catch {
        throw new EmulatorHttpError(400, { message: 'request body is not valid JSON' });
      }
    },
    now,
  };
}
