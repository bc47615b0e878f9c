import { ValidationError } from '../errors/client-errors.js';
import type { HttpMethod, ResponseType, SendOptions } from './types.js';

const METHODS: ReadonlySet<string> = new Set<HttpMethod>([
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'OPTIONS',
]);
const RESPONSE_TYPES: ReadonlySet<string> = new Set<ResponseType>([
  'json',
  'text',
  'bytes',
  'stream',
  'none',
]);

function fail(path: string, message: string): never {
  throw new ValidationError(`Invalid request: ${path} ${message}`, [{ path, message }]);
}

/** Rejects a malformed call with a message saying what to fix, before anything is sent. */
export function checkSendOptions(options: SendOptions): void {
  if (!METHODS.has(options.method)) {
    fail('method', `must be one of ${[...METHODS].join(', ')}, got ${JSON.stringify(options.method)}`);
  }
  if (typeof options.path !== 'string' || options.path === '') fail('path', 'must be a non-empty string');
  if (options.responseType !== undefined && !RESPONSE_TYPES.has(options.responseType)) {
    fail('responseType', `must be one of ${[...RESPONSE_TYPES].join(', ')}`);
  }
  if (options.timeoutMs !== undefined && !(Number.isFinite(options.timeoutMs) && options.timeoutMs > 0)) {
    fail('timeoutMs', 'must be a positive number of milliseconds');
  }
  if (options.body !== undefined && (options.method === 'GET' || options.method === 'HEAD')) {
    fail('body', `cannot be sent with ${options.method}`);
  }
  // for...in rather than Object.entries: no array of pairs on every call.
  const headers = options.headers;
  for (const name in headers) {
    if (typeof headers[name] !== 'string') fail(`headers.${name}`, 'must be a string');
  }
}
