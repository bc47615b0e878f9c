import type { IncomingHttpHeaders } from 'node:http';

/** One header of a received request as a single string (repeated values joined by `, `). */
export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : value;
}
