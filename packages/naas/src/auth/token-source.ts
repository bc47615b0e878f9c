import { createHash } from 'node:crypto';
import { ConfigError } from '@nimbus-sdk/core';
import { defaultCredentialsPath, readNaasCredentials, saveJwtToken } from '../credentials-file.js';
import { tradeToken } from './token-trade.js';

/** Where the token in use came from (never the token itself). */
export type NaasTokenSource =
  | 'option'
  | 'NAAS_CREDENTIALS_JWT_TOKEN'
  | 'JUPYTERHUB_API_TOKEN'
  | 'credentials-file'
  | 'profile';

/** Inputs of {@link resolveNaasToken}, highest priority first. */
export interface NaasTokenOptions {
  /** An explicit token (a `--token` flag): wins over everything. */
  token?: string | undefined;
  /** Environment to read (default `process.env`); never written. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Default `~/.naas/credentials`. */
  credentialsFile?: string | undefined;
  /** The profile's token: the last resort. */
  profileToken?: string | undefined;
  authUrl?: string | undefined;
  fetch?: typeof fetch | undefined;
}

/** A resolved token and its source. */
export interface ResolvedNaasToken {
  token: string;
  source: NaasTokenSource;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const given = (value: string | undefined): value is string =>
  typeof value === 'string' && value.trim() !== '';

/**
 * Resolves the Naas JWT in naas-python's order (spec §2.1) with its flaws fixed: option >
 * `NAAS_CREDENTIALS_JWT_TOKEN` > `JUPYTERHUB_API_TOKEN` > `~/.naas/credentials` `jwt_token` > profile.
 * A JupyterHub token is traded once: the JWT is saved (merged, 0600) with the JupyterHub token's hash,
 * and reused while that hash matches, instead of re-trading and wiping the file on every run.
 */
export async function resolveNaasToken(options: NaasTokenOptions = {}): Promise<ResolvedNaasToken> {
  const env = options.env ?? process.env;
  if (given(options.token)) return { token: options.token, source: 'option' };
  const jwt = env.NAAS_CREDENTIALS_JWT_TOKEN;
  if (given(jwt)) return { token: jwt, source: 'NAAS_CREDENTIALS_JWT_TOKEN' };
  const path = options.credentialsFile ?? defaultCredentialsPath();
  const jupyterhub = env.JUPYTERHUB_API_TOKEN;
  if (given(jupyterhub)) {
    const hash = sha256(jupyterhub);
    const stored = await readNaasCredentials(path);
    if (stored?.jupyterhub_token_sha256 === hash && given(stored.jwt_token)) {
      return { token: stored.jwt_token, source: 'JUPYTERHUB_API_TOKEN' };
    }
    const traded = await tradeToken('jupyterhub', jupyterhub, {
      authUrl: options.authUrl,
      fetch: options.fetch,
    });
    await saveJwtToken(path, traded, hash);
    return { token: traded, source: 'JUPYTERHUB_API_TOKEN' };
  }
  const stored = await readNaasCredentials(path);
  if (given(stored?.jwt_token)) return { token: stored.jwt_token, source: 'credentials-file' };
  if (given(options.profileToken)) return { token: options.profileToken, source: 'profile' };
  throw new ConfigError(
    `No Naas token: run \`nimbus naas login\` (or \`nimbus naas login --token <jwt>\`), or set NAAS_CREDENTIALS_JWT_TOKEN${
      stored ? ` (${path} has no jwt_token)` : ''
    }`,
  );
}

/** A token provider that resolves once per client and shares the result with every domain. */
export function memoizedTokenProvider(options: NaasTokenOptions): () => Promise<string> {
  let pending: Promise<ResolvedNaasToken> | undefined;
  return async () => {
    pending ??= resolveNaasToken(options).catch((error: unknown) => {
      // A failed resolution (network during the trade) may succeed on the next call.
      pending = undefined;
      throw error;
    });
    return (await pending).token;
  };
}
