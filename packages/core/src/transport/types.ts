import type { AuthStrategy } from '../auth/types.js';
import type { HttpError } from '../errors/http-errors.js';
import type { Conditions } from '../etag/conditions.js';

/** HTTP methods nimbus sends. */
export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

/** Query values; `undefined` entries are dropped, arrays repeat the key. */
export type QueryValue =
  | string
  | number
  | boolean
  | undefined
  | null
  | readonly (string | number | boolean)[];
export type Query = Record<string, QueryValue>;

/** Retry policy. Defaults: 3 retries, 200 ms base, 10 s cap, Retry-After honoured up to 60 s. */
export interface RetryOptions {
  /** Retries after the first attempt. 0 disables retrying. */
  limit?: number;
  /** Statuses worth retrying. Default 408, 425, 429, 500, 502, 503, 504. */
  statusCodes?: readonly number[];
  /** Methods retried without `idempotent: true`. Default GET, HEAD, PUT, DELETE, OPTIONS. */
  methods?: readonly HttpMethod[];
  /** Full-jitter backoff: random in [0, min(maxDelayMs, baseDelayMs * 2^(attempt-1))]. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Longest `Retry-After` honoured; a longer one fails the call instead of sleeping. */
  maxRetryAfterMs?: number;
}

/** One structured log event. Secrets are already redacted when a logger sees it. */
export interface LogEvent {
  type: 'request' | 'response' | 'retry' | 'error';
  requestId: string;
  method: string;
  url: string;
  attempt: number;
  status?: number;
  durationMs?: number;
  headers?: Record<string, string>;
  delayMs?: number;
  error?: string;
}

/** Receives request/response traces (`--debug`). */
export interface Logger {
  debug(event: LogEvent): void;
}

/** How the response body is read. `stream` hands back the web ReadableStream unread. */
export type ResponseType = 'json' | 'text' | 'bytes' | 'stream' | 'none';

/** A request body: JSON-serialised object, exact bytes/string, or a stream with its known hash. */
export type RequestBody =
  | { json: unknown }
  | { bytes: Uint8Array | string; contentType?: string }
  | {
      stream: ReadableStream<Uint8Array> | NodeJS.ReadableStream;
      contentType?: string;
      contentLength?: number;
      sha256?: string;
    };

/** One call through the transport. */
export interface SendOptions {
  method: HttpMethod;
  /** Path relative to `baseUrl` (`/jobs/123`), or an absolute URL (Link headers). */
  path: string;
  query?: Query;
  body?: RequestBody;
  headers?: Record<string, string>;
  /** Lets a POST/PATCH be retried: set only when repeating it is harmless. */
  idempotent?: boolean;
  conditions?: Conditions;
  signal?: AbortSignal;
  responseType?: ResponseType;
  /** Statuses to return as values instead of throwing (304 is always a value). */
  acceptStatus?: readonly number[];
  /** Per-call override of the per-attempt timeout. */
  timeoutMs?: number;
}

/** Per-call options every SDK method takes as its optional last argument. */
export interface CallOptions {
  /** Aborts the call (and its retries and waits). */
  signal?: AbortSignal;
}

/** What `send` resolves with. */
export interface TransportResponse<T = unknown> {
  data: T;
  status: number;
  headers: Headers;
  /** The ETag header verbatim (quotes and `W/` kept), if any. */
  etag: string | undefined;
  requestId: string;
}

/** Options of {@link createTransport}. */
export interface TransportOptions {
  baseUrl: string;
  auth?: AuthStrategy;
  retry?: RetryOptions | false;
  /** Per-attempt timeout. Default 30 s. */
  timeoutMs?: number;
  /** Whole-call deadline across retries. Default none. */
  totalTimeoutMs?: number;
  /** Prepended to nimbus's own `@nimbus-sdk/core/<v> node/<v>` token. */
  userAgent?: string;
  headers?: Record<string, string>;
  /** The fetch to call (tests, proxies). Default `globalThis.fetch`. */
  fetch?: typeof fetch;
  logger?: Logger;
  /** Clock for signing and Retry-After dates. */
  clock?: () => Date;
  /** Response header carrying the server's request id; the transport sends `x-request-id` too. */
  requestIdHeader?: string;
  /** Reads the provider's error envelope into a message and service code. */
  parseErrorBody?: (body: unknown) => { message?: string; serviceCode?: string };
  /**
   * Re-types an error answer the status alone misnames, before retries and auth recovery see it
   * (DCI answers a refused signature with 400, which is an authentication failure).
   */
  classifyError?: (error: HttpError) => HttpError;
}

/** A configured HTTP client for one service. */
export interface Transport {
  send<T = unknown>(options: SendOptions): Promise<TransportResponse<T>>;
  readonly baseUrl: string;
  readonly auth: AuthStrategy;
}

/**
 * The transport settings a provider client passes through to {@link Transport} unchanged, so every
 * `create<Name>Client(options)` accepts them under the same names with the same meaning.
 */
export type ClientTransportOptions = Pick<
  TransportOptions,
  'retry' | 'timeoutMs' | 'userAgent' | 'fetch' | 'logger' | 'clock'
>;
