import type { AuthStrategy } from '../auth/types.js';
import { isApiError } from '../errors/api-error.js';
import { SigningError } from '../errors/client-errors.js';
import type { PreparedBody } from './request-body.js';

/** What the per-attempt fetch needs to sign and send one attempt. */
export interface SigningFetchOptions {
  baseFetch: typeof fetch;
  auth: AuthStrategy;
  body: PreparedBody;
  attempt: number;
  now: () => Date;
  /** The attempt's own signal (caller, deadline and attempt timeout in one). */
  signal: AbortSignal;
  /** The URL as built by the transport; the request ky hands over carries the same href. */
  url: URL;
  /** The call's headers; each attempt signs its own copy. */
  headers: Headers;
  /** Sees the signed headers (for the redacted `request` log event). */
  onSigned?: (headers: Headers) => void;
}

/**
 * The fetch function ky calls. Signing happens here, once per attempt, so a retried request carries a
 * fresh date and signature; ky's `beforeRequest` hook would sign only once. The body is attached here
 * too, from the bytes prepared once (the exact bytes the signer hashed) or the one-shot stream, so ky
 * never clones (tees) a large upload. Headers come from the transport rather than from ky's request
 * for the same reason: ky would merge and copy them twice per call for nothing.
 */
export function signingFetch(
  options: SigningFetchOptions,
): (input: Request | string | URL) => Promise<Response> {
  return async (input) => {
    const request = input instanceof Request ? input : new Request(input);
    const url = options.url;
    const headers = new Headers(options.headers);
    try {
      await options.auth.authorize(
        {
          method: request.method,
          url,
          headers,
          body: options.body.signable,
          bodySha256: options.body.sha256,
        },
        { now: options.now, attempt: options.attempt, signal: options.signal },
      );
    } catch (error) {
      // A strategy's own failure must not pass for a network error and be retried.
      if (isApiError(error) || options.signal.aborted) throw error;
      throw new SigningError(
        `The ${options.auth.kind} auth strategy failed: ${(error as Error).message}`,
        {},
        {
          cause: error,
        },
      );
    }
    options.onSigned?.(headers);
    const init: RequestInit & { duplex?: 'half' } = {
      method: request.method,
      headers,
      signal: options.signal,
    };
    if (options.body.payload !== undefined) {
      init.body = options.body.payload;
      init.duplex = 'half';
    }
    return options.baseFetch(url, init);
  };
}
