import type { AuthStrategy } from '../auth/types.js';
import { isApiError } from '../errors/api-error.js';
import { SigningError } from '../errors/client-errors.js';
import { NetworkError } from '../errors/transport-errors.js';
import type { PreparedBody } from './request-body.js';

/** What one attempt needs to be signed and sent. */
export interface AttemptRequest {
  fetch: typeof fetch;
  auth: AuthStrategy;
  method: string;
  url: URL;
  /** This attempt's own headers, unsigned; signing adds to them. */
  headers: Headers;
  body: PreparedBody;
  attempt: number;
  now: () => Date;
  /** The per-attempt timeout, for work the auth strategy shares among callers. */
  timeoutMs: number;
  /** The attempt's own signal (caller, deadline and attempt timeout in one). */
  signal: AbortSignal;
  /** Sees the signed headers (for the redacted `request` log event). */
  onSigned?: ((headers: Headers) => void) | undefined;
}

/**
 * Signs and sends one attempt with the platform fetch. Signing happens here, per attempt, so a retry
 * carries a fresh date and signature over the exact prepared bytes.
 */
export async function sendAttempt(request: AttemptRequest): Promise<Response> {
  const headers = request.headers;
  try {
    const signing = request.auth.authorize(
      {
        method: request.method,
        url: request.url,
        headers,
        body: request.body.signable,
        bodySha256: request.body.sha256,
      },
      { now: request.now, attempt: request.attempt, signal: request.signal, timeoutMs: request.timeoutMs },
    );
    // Synchronous strategies (none, bearer, basic, hmac) return nothing: no extra turn of the loop.
    if (signing !== undefined) await signing;
  } catch (error) {
    // A strategy's own failure must not pass for a network error and be retried.
    if (isApiError(error) || request.signal.aborted) throw error;
    // But a strategy that could not reach its token server (SSO) met a network problem, not bad credentials.
    if (isFetchFailure(error)) {
      throw new NetworkError(
        `The ${request.auth.kind} auth strategy could not reach its server: ${causeText(error)}`,
        { cause: error },
      );
    }
    throw new SigningError(
      `The ${request.auth.kind} auth strategy failed: ${(error as Error).message}`,
      {},
      { cause: error },
    );
  }
  request.onSigned?.(headers);
  const init: RequestInit = { method: request.method, headers, signal: request.signal };
  const payload = request.body.payload;
  if (payload !== undefined) {
    init.body = payload;
    if (!request.body.replayable) {
      init.duplex = 'half';
      // Fetch clones (tees) a request that may follow a redirect, so it could re-send the body; the
      // unread branch of that tee would hold every uploaded chunk until the call ends. A one-shot stream
      // cannot be re-sent anyway, and only 'error' with no window lets fetch send the request itself.
      init.redirect = 'error';
      init.window = null;
    }
  }
  // Awaited here: returning the bare promise from an async function costs two more microtask turns.
  return await request.fetch(request.url, init);
}

/** Platform fetch's own failure (`TypeError: fetch failed`, its cause a socket or DNS error). */
function isFetchFailure(error: unknown): boolean {
  return error instanceof TypeError && error.message === 'fetch failed';
}

function causeText(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (typeof cause?.code === 'string') return cause.code;
  return typeof cause?.message === 'string' ? cause.message : (error as Error).message;
}
