import { AuthenticationError, NetworkError } from '@nimbus-sdk/core';
import { parseNaasErrorBody } from '../error-body.js';

/** The auth host naas-python trades codes and JupyterHub tokens at. */
export const DEFAULT_NAAS_AUTH_URL = 'https://auth.naas.ai';

/** Which trade endpoint: a web-login code or a JupyterHub API token. */
export type TokenTradeKind = 'workspace' | 'jupyterhub';

/** Options of {@link tradeToken}. */
export interface TokenTradeOptions {
  authUrl?: string;
  fetch?: typeof fetch;
  signal?: AbortSignal;
}

/**
 * Trades a short-lived web-login code or a JupyterHub token for a long-lived Naas JWT
 * (`GET /bearer/<kind>/longlived/?token=...`, spec §2.4). The server only takes the token in the
 * query, so the URL is never put in an error or log line.
 */
export async function tradeToken(
  kind: TokenTradeKind,
  token: string,
  options: TokenTradeOptions = {},
): Promise<string> {
  const base = (options.authUrl ?? DEFAULT_NAAS_AUTH_URL).replace(/\/+$/, '');
  const url = new URL(`${base}/bearer/${kind}/longlived/`);
  url.searchParams.set('token', token);
  const where = `${base}/bearer/${kind}/longlived/`;
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(url, {
      headers: { accept: 'application/json' },
      signal: options.signal ?? null,
    });
  } catch (error) {
    throw new NetworkError(`Token trade at ${where} failed: ${(error as Error).message}`, { cause: error });
  }
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // A proxy's HTML page: reported as text below, not a crash.
  }
  const accessToken = (body as { access_token?: unknown } | null)?.access_token;
  if (response.ok && typeof accessToken === 'string' && accessToken !== '') return accessToken;
  const reason = parseNaasErrorBody(body).message ?? `HTTP ${response.status}`;
  throw new AuthenticationError(
    `Token trade failed (${kind}): ${reason}. Log in again with \`nimbus naas login\` or check the token.`,
    { status: response.ok ? 401 : response.status, request: { method: 'GET', url: where } },
  );
}
