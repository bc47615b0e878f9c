import { AuthenticationError, isApiError, NetworkError } from '../../errors/index.js';
import { backoffDelayMs, type RetryPolicy } from '../../transport/retry-policy.js';
import { sleep } from '../../waiters/sleep.js';
import type { OAuth2ClientCredentialsOptions } from './oauth2-client-credentials.js';
import { postForm } from './post-form.js';

/** An access token and when it expires (ms on the strategy's clock). */
export interface CachedToken {
  value: string;
  expiresAt: number;
}

/** One token request as the strategy runs it, shared by every caller waiting on it. */
export interface TokenRequest {
  tokenUrl: URL;
  options: OAuth2ClientCredentialsOptions;
  clock: () => number;
  retry: RetryPolicy;
  /** Each attempt's own limit: no caller's signal can end the shared request. */
  timeoutMs: number;
}

/**
 * Asks the token endpoint, retrying what the transport would retry for an idempotent call (a network
 * failure, a timed-out attempt, 408/425/429/5xx) with its full-jitter backoff, up to `retry.limit`
 * times; a refusal (400, 401) is an answer and fails at once.
 */
export async function requestTokenWithRetries(request: TokenRequest): Promise<CachedToken> {
  for (let retries = 0; ; retries++) {
    try {
      return await requestToken(
        request.tokenUrl,
        request.options,
        request.clock,
        AbortSignal.timeout(request.timeoutMs),
      );
    } catch (error) {
      if (!isTransient(error, request.retry) || retries >= request.retry.limit) throw error;
      await sleep(backoffDelayMs(retries + 1, request.retry));
    }
  }
}

function isTransient(error: unknown, retry: RetryPolicy): boolean {
  if (error instanceof NetworkError) return true;
  return isApiError(error) && error.status !== undefined && retry.statusCodes.has(error.status);
}

async function requestToken(
  tokenUrl: URL,
  options: OAuth2ClientCredentialsOptions,
  clock: () => number,
  signal: AbortSignal,
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
    const status = response.status;
    const code = typeof body?.error === 'string' ? body.error : undefined;
    const description = typeof body?.error_description === 'string' ? `: ${body.error_description}` : '';
    throw new AuthenticationError(
      `OAuth2 token request to ${where} was refused (HTTP ${response.status}${code ? ` ${code}` : ''}${description})`,
      { status, details: { error: code }, retryable: false },
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
