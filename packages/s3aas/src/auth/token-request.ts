import { NetworkError } from '@nimbus-sdk/core';
import { encodePathSegment } from '../context.js';
import { isUuid } from '../relationship.js';
import { ExordosIamError, IamAnswerError } from './iam-errors.js';
import type { ExordosIamOptions } from './iam-options.js';
import { type IamTokens, tokensFromAnswer } from './iam-tokens.js';

/** `{iam}/v1/iam/clients/<client>` without a trailing slash. */
export function iamClientUrl(options: Pick<ExordosIamOptions, 'url' | 'client' | 'clientId'>): string {
  const client =
    options.client ?? (options.clientId && isUuid(options.clientId) ? options.clientId : 'default');
  return `${options.url.replace(/\/+$/, '')}/v1/iam/clients/${encodePathSegment(client, 'iam client')}`;
}

/** One `get_token` call: a grant's own fields plus the client's credentials and lifetimes. */
export async function requestTokens(
  options: ExordosIamOptions,
  grant: Record<string, string>,
  headers: Record<string, string>,
  fetchFn: typeof fetch,
  signal?: AbortSignal,
): Promise<IamTokens> {
  const url = `${iamClientUrl(options)}/actions/get_token/invoke`;
  const form = new URLSearchParams(grant);
  if (options.clientId) form.set('client_id', options.clientId);
  if (options.clientSecret) form.set('client_secret', options.clientSecret);
  if (options.ttlSeconds !== undefined) form.set('ttl', String(options.ttlSeconds));
  if (options.refreshTtlSeconds !== undefined) form.set('refresh_ttl', String(options.refreshTtlSeconds));
  const request = { method: 'POST', url };
  let response: Response;
  try {
    response = await fetchFn(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
        ...headers,
      },
      body: form.toString(),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    const reason = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    throw new NetworkError(`Exordos IAM token request to ${url} failed: ${reason}`, {
      cause: error,
      request,
    });
  }
  const text = await response.text();
  const body = parseObject(text);
  if (!response.ok) {
    const iamError = typeof body?.error === 'string' ? body.error : 'http_error';
    const description = typeof body?.error_description === 'string' ? body.error_description : undefined;
    const fallback = typeof body?.message === 'string' ? body.message : response.statusText;
    throw new ExordosIamError(
      `Exordos IAM refused the ${grant.grant_type} grant (HTTP ${response.status} ${iamError}: ${description ?? fallback})`,
      { status: response.status, iamError, request },
    );
  }
  const tokens = body ? tokensFromAnswer(body) : undefined;
  if (!tokens) {
    throw new IamAnswerError(`Exordos IAM answered ${url} without an access_token`, {
      status: response.status,
      request,
    });
  }
  return tokens;
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
