import { HttpError } from '../errors/http-errors.js';
import type { ResponseType } from './types.js';

/** Thrown when a success body that should be JSON is not; never retried (the answer will not change). */
function invalidJson(status: number, request: { method: string; url: string }, cause: unknown): HttpError {
  return new HttpError(`HTTP ${status}: response body is not valid JSON (${request.method} ${request.url})`, {
    status,
    request,
    cause,
  });
}

/**
 * Reads a success (or accepted) body as `type`. An empty JSON body, a 204 and a 304 are `undefined`
 * rather than a parse error, and HEAD never has a body.
 */
export async function readResponseBody(
  response: Response,
  type: ResponseType,
  method: string,
  request: () => { method: string; url: string },
): Promise<unknown> {
  const empty = method === 'HEAD' || response.status === 204 || response.status === 304;
  if (type === 'none' || empty) {
    await response.body?.cancel();
    return undefined;
  }
  switch (type) {
    case 'stream':
      return response.body ?? new ReadableStream<Uint8Array>({ start: (c) => c.close() });
    case 'bytes':
      return new Uint8Array(await response.arrayBuffer());
    case 'text':
      return response.text();
    default: {
      const text = await response.text();
      if (text.trim() === '') return undefined;
      try {
        return JSON.parse(text) as unknown;
      } catch (error) {
        throw invalidJson(response.status, request(), error);
      }
    }
  }
}

/** An error body: parsed JSON when it is JSON, the text otherwise, `''` when empty. */
export async function readErrorBody(response: Response): Promise<unknown> {
  const text = await response.text();
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return JSON.parse(trimmed) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}
