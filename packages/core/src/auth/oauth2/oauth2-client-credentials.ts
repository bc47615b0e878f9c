import { ConfigError, ValidationError } from '../../errors/index.js';
import { resolveRetryPolicy } from '../../transport/retry-policy.js';
import type { RetryOptions } from '../../transport/types.js';
import { waitUnlessAborted } from '../../waiters/abort.js';
import { assertHeaderSafe } from '../header-value-check.js';
import type { AuthContext, AuthStrategy, UnauthorizedContext } from '../types.js';
import type { FetchLike } from './post-form.js';
import { type CachedToken, requestTokenWithRetries } from './token-request.js';

/** Options of {@link oauth2ClientCredentials}. */
export interface OAuth2ClientCredentialsOptions {
  /** The token endpoint (`https://sso.example.com/realms/x/protocol/openid-connect/token`). */
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** Space-separated scopes to request. */
  scope?: string;
  /** `audience` parameter some providers (Auth0, Keycloak) need. */
  audience?: string;
  /** PEM CA certificate(s) to trust for the token endpoint instead of the system store. */
  ca?: string | Buffer;
  /** Custom fetch for the token request (ignored when `ca` is set). */
  fetch?: FetchLike;
  /** Refresh this long before expiry. Default 30 000 ms. */
  refreshSkewMs?: number;
  /** Clock for expiry decisions. Default `Date.now`. */
  clock?: () => number;
  /** `basic` (client_secret_basic, default) or `body` (client_secret_post). */
  clientAuth?: 'basic' | 'body';
  /**
   * Retries of a token request after a transient failure (408/425/429/5xx, network error), with the
   * transport's defaults (3 retries, full-jitter backoff). `false` disables them.
   */
  retry?: RetryOptions | false;
  /** Per-attempt timeout of a token request. Default: the calling transport's attempt timeout, else 30 s. */
  timeoutMs?: number;
}

/**
 * OAuth2 client-credentials grant: caches the access token, refreshes it `refreshSkewMs` before
 * expiry, shares one in-flight token request among concurrent callers, and after a 401 fetches a
 * fresh token once.
 *
 * The shared request runs under its own lifetime (the attempt timeout, retries with backoff after a
 * transient failure): one caller's abort only ends that caller's wait. A 401 refreshes only while
 * the token it refused is still the current one, so a burst of 401s costs one token request.
 *
 * @example
 * oauth2ClientCredentials({ tokenUrl, clientId: 'ci', clientSecret: process.env.SECRET, scope: 'api' })
 */
export function oauth2ClientCredentials(options: OAuth2ClientCredentialsOptions): AuthStrategy {
  const tokenUrl = checkOptions(options);
  const clock = options.clock ?? Date.now;
  const skew = options.refreshSkewMs ?? 30_000;
  const retry = resolveRetryPolicy(options.retry);
  let cached: CachedToken | undefined;
  let inflight: Promise<CachedToken> | undefined;
  const issuedTokens: string[] = [];

  const refresh = (timeoutMs: number | undefined): Promise<CachedToken> => {
    if (!inflight) {
      const request = {
        tokenUrl,
        options,
        clock,
        retry,
        timeoutMs: options.timeoutMs ?? timeoutMs ?? 30_000,
      };
      inflight = requestTokenWithRetries(request)
        .then((token) => {
          cached = token;
          issuedTokens.push(token.value);
          if (issuedTokens.length > 16) issuedTokens.shift();
          return token;
        })
        .finally(() => {
          inflight = undefined;
        });
      // A refresh every waiter abandoned must not surface as an unhandled rejection.
      inflight.catch(() => undefined);
    }
    return inflight;
  };
  const current = async (context: AuthContext): Promise<string> => {
    if (cached && clock() < cached.expiresAt - skew) return cached.value;
    return (await waitUnlessAborted(refresh(context.timeoutMs), context.signal, 'OAuth2 token refresh'))
      .value;
  };

  return {
    kind: 'oauth2-client-credentials',
    async authorize(request, context: AuthContext) {
      request.headers.set('authorization', `Bearer ${await current(context)}`);
    },
    async onUnauthorized(context: UnauthorizedContext) {
      const refused = bearerToken(context.rejectedHeaders);
      // A token other than the one refused is already current: another caller's refresh replaced it.
      const alreadyReplaced = refused !== undefined && cached !== undefined && cached.value !== refused;
      if (!alreadyReplaced) {
        if (!inflight) cached = undefined;
        await waitUnlessAborted(refresh(context.timeoutMs), context.signal, 'OAuth2 token refresh');
      }
      return true;
    },
    describe: () =>
      `oauth2-client-credentials ${options.clientId} via ${tokenUrl.origin}${tokenUrl.pathname}`,
    secrets: () => [options.clientSecret, ...issuedTokens],
  };
}

function bearerToken(headers: Headers | undefined): string | undefined {
  const match = /^Bearer (.+)$/.exec(headers?.get('authorization') ?? '');
  return match?.[1];
}

function checkOptions(options: OAuth2ClientCredentialsOptions): URL {
  assertHeaderSafe(options.clientId, 'clientId');
  assertHeaderSafe(options.clientSecret, 'clientSecret');
  let url: URL;
  try {
    url = new URL(options.tokenUrl);
  } catch {
    throw new ConfigError(`tokenUrl is not a URL: ${JSON.stringify(options.tokenUrl)}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(`tokenUrl must be http(s), got ${url.protocol}`);
  }
  if (url.username || url.password) {
    throw new ValidationError('tokenUrl must not carry credentials; use clientId and clientSecret', [
      { path: 'tokenUrl', message: 'remove user:password@' },
    ]);
  }
  if (options.refreshSkewMs !== undefined && !(options.refreshSkewMs >= 0)) {
    throw new ValidationError('refreshSkewMs must be a number ≥ 0', [
      { path: 'refreshSkewMs', message: 'invalid' },
    ]);
  }
  return url;
}
