import { AuthenticationError, ConfigError, NetworkError, ValidationError } from '../../errors/index.js';
import { assertHeaderSafe } from '../header-value-check.js';
import type { AuthContext, AuthStrategy } from '../types.js';
import { type FetchLike, postForm } from './post-form.js';

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
}

interface CachedToken {
  value: string;
  expiresAt: number;
}

/**
 * OAuth2 client-credentials grant: caches the access token, refreshes it `refreshSkewMs` before
 * expiry, shares one in-flight token request among concurrent callers, and after a 401 fetches a
 * fresh token once.
 *
 * @example
 * oauth2ClientCredentials({ tokenUrl, clientId: 'ci', clientSecret: process.env.SECRET, scope: 'api' })
 */
export function oauth2ClientCredentials(options: OAuth2ClientCredentialsOptions): AuthStrategy {
  const tokenUrl = checkOptions(options);
  const clock = options.clock ?? Date.now;
  const skew = options.refreshSkewMs ?? 30_000;
  let cached: CachedToken | undefined;
  let inflight: Promise<CachedToken> | undefined;
  const issuedTokens: string[] = [];

  const refresh = (signal?: AbortSignal): Promise<CachedToken> => {
    if (!inflight) {
      inflight = requestToken(tokenUrl, options, clock, signal)
        .then((token) => {
          cached = token;
          issuedTokens.push(token.value);
          if (issuedTokens.length > 16) issuedTokens.shift();
          return token;
        })
        .finally(() => {
          inflight = undefined;
        });
    }
    return inflight;
  };
  const current = async (signal?: AbortSignal): Promise<string> => {
    if (cached && clock() < cached.expiresAt - skew) return cached.value;
    return (await refresh(signal)).value;
  };

  return {
    kind: 'oauth2-client-credentials',
    async authorize(request, context: AuthContext) {
      request.headers.set('authorization', `Bearer ${await current(context.signal)}`);
    },
    async onUnauthorized(context: AuthContext) {
      // Callers that saw the same 401 join one refresh instead of each fetching a token.
      if (!inflight) cached = undefined;
      await refresh(context.signal);
      return true;
    },
    describe: () =>
      `oauth2-client-credentials ${options.clientId} via ${tokenUrl.origin}${tokenUrl.pathname}`,
    secrets: () => [options.clientSecret, ...issuedTokens],
  };
}

async function requestToken(
  tokenUrl: URL,
  options: OAuth2ClientCredentialsOptions,
  clock: () => number,
  signal?: AbortSignal,
): Promise<CachedToken> {
  const form = new URLSearchParams({ grant_type: 'client_credentials' });
  if (options.scope) form.set('scope', options.scope);
  if (options.audience) form.set('audience', options.audience);
  const headers: Record<string, string> = {};
  if ((options.clientAuth ?? 'basic') === 'basic') {
    // RFC 6749 §2.3.1: id and secret are form-urlencoded before the Basic encoding.
    const pair = `${formEncode(options.clientId)}:${formEncode(options.clientSecret)}`;
    headers.authorization = `Basic ${Buffer.from(pair, 'utf8').toString('base64')}`;
  } else {
    form.set('client_id', options.clientId);
    form.set('client_secret', options.clientSecret);
  }
  const where = `${tokenUrl.origin}${tokenUrl.pathname}`;
  const startedAt = clock();
  let response: Awaited<ReturnType<typeof postForm>>;
  try {
    response = await postForm(tokenUrl, form, headers, { ca: options.ca, fetch: options.fetch, signal });
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new NetworkError(`OAuth2 token request to ${where} failed: ${reason}`, { cause: error });
  }
  const body = parseJson(response.body);
  if (response.status < 200 || response.status > 299) {
    const code = typeof body?.error === 'string' ? body.error : undefined;
    const description = typeof body?.error_description === 'string' ? `: ${body.error_description}` : '';
    throw new AuthenticationError(
      `OAuth2 token request to ${where} was refused (HTTP ${response.status}${code ? ` ${code}` : ''}${description})`,
      { status: response.status, details: { error: code } },
    );
  }
  const accessToken = body?.access_token;
  if (typeof accessToken !== 'string' || accessToken === '') {
    throw new AuthenticationError(`OAuth2 token endpoint ${where} answered without an access_token`, {
      status: response.status,
    });
  }
  const expiresIn = Number(body?.expires_in ?? 3600);
  return {
    value: accessToken,
    expiresAt: startedAt + (Number.isFinite(expiresIn) ? expiresIn : 3600) * 1000,
  };
}

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function formEncode(value: string): string {
  return new URLSearchParams({ v: value }).toString().slice(2);
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
