import type { IncomingHttpHeaders } from 'node:http';

/** A request as an emulator route sees it: fully buffered, headers lower-case. */
export interface EmulatorRequest {
  readonly method: string;
  /** Full URL (`http://127.0.0.1:<port>/path?query`). */
  readonly url: URL;
  /** Raw path as received, still percent-encoded, without the query. */
  readonly rawPath: string;
  /** Raw query string as received, without `?` (may be empty). */
  readonly rawQuery: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  /** The exact body bytes received (empty when none). */
  readonly body: Buffer;
  /** Route parameters (`/jobs/:id` → `{ id }`), decoded. */
  params: Record<string, string>;
  /**
   * The body parsed as JSON into null-prototype objects, nesting limited; throws an
   * `EmulatorHttpError` 400 when it is not JSON or nests too deep.
   */
  json<T = unknown>(): T;
  /** The emulator clock (shifted by any injected clock skew). */
  now(): Date;
}

/** What a route handler returns; the server writes it. */
export interface EmulatorResponse {
  status: number;
  headers?: Record<string, string>;
  /** Objects are sent as JSON; strings and buffers as-is; a readable is piped. */
  body?: unknown;
}

export type RouteHandler = (request: EmulatorRequest) => EmulatorResponse | Promise<EmulatorResponse>;
