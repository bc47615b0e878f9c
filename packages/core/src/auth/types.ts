import type { ApiError } from '../errors/api-error.js';

/**
 * The request as an auth strategy sees it, once per attempt, right before it is sent.
 * Strategies add headers (Authorization, date headers) in place.
 */
export interface SignableRequest {
  /** Upper-case HTTP method. */
  readonly method: string;
  /** The full URL exactly as it goes on the wire (path and query already encoded). */
  readonly url: URL;
  /** Mutable request headers. */
  readonly headers: Headers;
  /**
   * The exact body bytes, or `undefined` for no body. For streamed bodies this is `undefined` and
   * `bodySha256` carries the hash computed while the stream was prepared.
   */
  readonly body: Uint8Array | undefined;
  /** Lower-case hex SHA-256 of the body when the caller already knows it (streamed uploads). */
  readonly bodySha256?: string;
}

/** Per-attempt context handed to {@link AuthStrategy.authorize}. */
export interface AuthContext {
  /** The clock to sign with; tests and emulators inject fixed dates through it. */
  now(): Date;
  /** 1 for the first attempt, 2 for the first retry, ... */
  attempt: number;
  signal?: AbortSignal;
}

/**
 * How a transport authenticates. One strategy object is shared by all requests of a client, so it
 * must be safe under concurrency.
 */
export interface AuthStrategy {
  /** Short stable name: `bearer`, `basic`, `oauth2-client-credentials`, `hmac-v4`, `http-signature`, `none`. */
  readonly kind: string;
  /** Adds credentials to the request. Called once per attempt, so retries are re-signed. */
  authorize(request: SignableRequest, context: AuthContext): Promise<void> | void;
  /**
   * Called after a 401. Resolve `true` when fresh credentials were obtained and the request should
   * be sent once more (the transport retries at most once per call).
   */
  onUnauthorized?(context: AuthContext): Promise<boolean>;
  /**
   * Called at most once per call when an attempt is answered with an error status (after the
   * transport's `classifyError`), e.g. a signature refused for clock skew. Resolve `true` after
   * fixing what the server objected to, and the request is re-signed and sent once more, outside
   * the retry budget. Streamed bodies are never re-sent.
   */
  onRejected?(rejection: AuthRejection, context: AuthContext): Promise<boolean> | boolean;
  /** A human description that never contains a secret, e.g. `hmac-v4 DCI2-HMAC-SHA256 remoteci/abc`. */
  describe(): string;
  /** Literal secret strings this strategy holds, so loggers and errors can mask them. */
  secrets?(): readonly string[];
}

/** An error answer as {@link AuthStrategy.onRejected} sees it. */
export interface AuthRejection {
  /** The typed error the call would fail with. */
  readonly error: ApiError;
  readonly status: number;
  /** The answer's headers (`Date` tells the server's time). */
  readonly headers: Headers;
}

/** The strategy for services that need no credentials. */
export const noAuth: AuthStrategy = {
  kind: 'none',
  authorize() {},
  describe: () => 'none',
};
