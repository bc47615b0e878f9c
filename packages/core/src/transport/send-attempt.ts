import type { AuthStrategy } from '../auth/types.js';
import { isApiError } from '../errors/api-error.js';
import { SigningError } from '../errors/client-errors.js';
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
    await request.auth.authorize(
      {
        method: request.method,
        url: request.url,
        headers,
        body: request.body.signable,
        bodySha256: request.body.sha256,
      },
      { now: request.now, attempt: request.attempt, signal: request.signal, timeoutMs: request.timeoutMs },
    );
  } catch (error) {
    // A strategy's own failure must not pass for a network error and be retried.
    if (isApiError(error) || request.signal.aborted) throw error;
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
  return request.fetch(request.url, init);
}
