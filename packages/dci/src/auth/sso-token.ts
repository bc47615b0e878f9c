import { AuthenticationError, ConfigError, type RetryOptions, sleep } from '@nimbus-sdk/core';
import { backoffDelayMs, type RetryPolicy, resolveRetryPolicy } from '@nimbus-sdk/core/transport';

/** Options of {@link ssoPasswordToken}. */
export interface SsoPasswordTokenOptions {
  /** Keycloak root, e.g. `https://sso.redhat.com` (dcictl's `SSO_URL`). */
  ssoUrl: string;
  username: string;
  password: string;
  /** Realm; default `redhat-external`, as in python-dciclient. */
  realm?: string;
  fetch?: typeof fetch;
  /** Clock for expiry; tests inject one. */
  now?: () => number;
  /**
   * Retries of the token request after a transient failure (network, 408/425/429/5xx), with the
   * transport's defaults and backoff. `false` disables them.
   */
  retry?: RetryOptions | false;
  /** Per-attempt timeout of the token request. Default 30 s. */
  timeoutMs?: number;
}

interface TokenAnswer {
  access_token?: unknown;
  expires_in?: unknown;
}

/** A token provider whose cached token can be dropped (after the server called it expired). */
export type SsoTokenProvider = (() => Promise<string>) & { invalidate(): void };

/**
 * A bearer-token provider that runs dcictl's password grant against Red Hat SSO and caches the token
 * until 30 s before it expires. Concurrent callers share one in-flight request.
 */
export function ssoPasswordToken(options: SsoPasswordTokenOptions): SsoTokenProvider {
  const realm = options.realm ?? 'redhat-external';
  const now = options.now ?? Date.now;
  const doFetch = options.fetch ?? globalThis.fetch;
  let tokenUrl: URL;
  try {
    tokenUrl = new URL(
      `auth/realms/${encodeURIComponent(realm)}/protocol/openid-connect/token`,
      `${options.ssoUrl.replace(/\/+$/, '')}/`,
    );
  } catch {
    throw new ConfigError(
      `SSO url "${options.ssoUrl}" is not a valid URL (expected e.g. https://sso.redhat.com)`,
    );
  }
  const retry = resolveRetryPolicy(options.retry);
  const timeoutMs = options.timeoutMs ?? 30_000;
  let cached: { token: string; expiresAt: number } | undefined;
  let inFlight: Promise<string> | undefined;

  async function fetchToken(): Promise<string> {
    const response = await doFetch(tokenUrl, {
      method: 'POST',
      signal: AbortSignal.timeout(timeoutMs),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_id: 'dci',
        grant_type: 'password',
        username: options.username,
        password: options.password,
      }),
    });
    const answer = (await response.json().catch(() => ({}))) as TokenAnswer;
    if (!response.ok || typeof answer.access_token !== 'string') {
      throw new AuthenticationError(`SSO token request for user "${options.username}" failed`, {
        status: response.status,
        request: { method: 'POST', url: tokenUrl.toString() },
      });
    }
    const lifetimeS = typeof answer.expires_in === 'number' ? answer.expires_in : 300;
    cached = { token: answer.access_token, expiresAt: now() + lifetimeS * 1000 - 30_000 };
    return answer.access_token;
  }

  const provider = () => {
    if (cached && cached.expiresAt > now()) return Promise.resolve(cached.token);
    inFlight ??= withRetries(fetchToken, retry).finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };
  return Object.assign(provider, {
    invalidate() {
      cached = undefined;
    },
  });
}

/** Runs `attempt` again after a transient failure (a network error, 408/425/429/5xx), with backoff. */
async function withRetries<T>(attempt: () => Promise<T>, retry: RetryPolicy): Promise<T> {
  for (let retries = 0; ; retries++) {
    try {
      return await attempt();
    } catch (error) {
      const status = (error as { status?: unknown }).status;
      const transient =
        error instanceof TypeError ||
        (error as Error).name === 'TimeoutError' ||
        (typeof status === 'number' && retry.statusCodes.has(status));
      if (!transient || retries >= retry.limit) throw error;
      await sleep(backoffDelayMs(retries + 1, retry));
    }
  }
}
