import type { AuthContext, AuthStrategy } from '@nimbus-sdk/core';
import { METAPAAS_PROJECT_ID } from '../context.js';
import { ExordosIamError, NotLoggedInError } from './iam-errors.js';
import type { ExordosIamOptions } from './iam-options.js';
import type { IamTokens } from './iam-tokens.js';
import { iamClientUrl, requestTokens } from './token-request.js';

/** The Exordos IAM auth strategy plus the session operations the CLI needs. */
export interface ExordosIamAuth extends AuthStrategy {
  /** A password login now, replacing any tokens held. */
  login(signal?: AbortSignal): Promise<IamTokens>;
  /** The current access token, logging in or refreshing first when needed. */
  accessToken(signal?: AbortSignal): Promise<string>;
  /** The tokens held now (`undefined` before the first login). */
  tokens(): IamTokens | undefined;
  /** `{iam}/v1/iam/clients/<client>`, for the other IAM actions (introspect). */
  readonly clientUrl: string;
}

/** Extra options the client passes in. */
export interface ExordosIamAuthOptions extends ExordosIamOptions {
  /** Project to scope the token to; `null` for an unscoped token. Default the MetaPaaS project. */
  project?: string | null;
  fetch?: typeof fetch;
  /** Clock in ms for expiry decisions. Default `Date.now`. */
  clock?: () => number;
}

/**
 * Bearer tokens from Exordos IAM: a password grant, kept until `expires_at` (minus a skew), renewed
 * with the refresh token and, when IAM refuses that, with a fresh login. One renewal is shared by
 * concurrent callers, and a 401 from the service renews once and replays the request. With no token
 * and nothing to log in with it fails before sending anything ({@link NotLoggedInError}).
 *
 * @example
 * exordosIamAuth({ url: 'http://core/api/core', username: 'alice', password: process.env.PW })
 */
export function exordosIamAuth(options: ExordosIamAuthOptions): ExordosIamAuth {
  const clock = options.clock ?? Date.now;
  const fetchFn = options.fetch ?? globalThis.fetch;
  const skew = options.refreshSkewMs ?? 30_000;
  const clientUrl = iamClientUrl(options);
  const scope = scopeOf(options);
  let held: IamTokens | undefined = options.accessToken
    ? {
        accessToken: options.accessToken,
        expiresAt: options.accessTokenExpiresAt,
        refreshToken: options.refreshToken,
      }
    : undefined;
  let refreshToken = options.refreshToken;
  let inflight: Promise<IamTokens> | undefined;
  const issued = new Set<string>();

  const remember = async (tokens: IamTokens): Promise<IamTokens> => {
    held = tokens;
    if (tokens.refreshToken) refreshToken = tokens.refreshToken;
    for (const value of [tokens.accessToken, tokens.refreshToken])
      if (value && issued.size < 64) issued.add(value);
    await options.onTokens?.(tokens);
    return tokens;
  };

  const canLogin = () => Boolean(options.username && options.password);

  const passwordLogin = async (signal?: AbortSignal): Promise<IamTokens> => {
    if (!canLogin()) throw new NotLoggedInError();
    const grantType = options.grantType ?? 'password';
    const grant: Record<string, string> = {
      grant_type: grantType,
      [loginField(grantType)]: options.username as string,
      password: options.password as string,
    };
    if (scope) grant.scope = scope;
    const headers: Record<string, string> = {};
    if (options.otp !== undefined) {
      headers['x-otp'] = typeof options.otp === 'function' ? await options.otp() : options.otp;
    }
    return remember(await requestTokens(options, grant, headers, fetchFn, signal));
  };

  const renew = async (signal?: AbortSignal): Promise<IamTokens> => {
    if (refreshToken) {
      try {
        const grant: Record<string, string> = { grant_type: 'refresh_token', refresh_token: refreshToken };
        if (scope) grant.scope = scope;
        return await remember(await requestTokens(options, grant, {}, fetchFn, signal));
      } catch (error) {
        // A refused refresh token (expired, revoked) falls back to a fresh login, as gcl_sdk does.
        if (!(error instanceof ExordosIamError)) throw error;
        refreshToken = undefined;
        if (!canLogin()) {
          throw new NotLoggedInError(
            `The saved Exordos IAM login has expired (${error.iamError}): run \`nimbus s3aas login\` again`,
          );
        }
      }
    }
    return passwordLogin(signal);
  };

  const shared = (work: (signal?: AbortSignal) => Promise<IamTokens>, signal?: AbortSignal) => {
    inflight ??= work(signal).finally(() => {
      inflight = undefined;
    });
    return inflight;
  };

  const fresh = (tokens: IamTokens | undefined): tokens is IamTokens =>
    tokens !== undefined && (tokens.expiresAt === undefined || clock() < tokens.expiresAt - skew);

  const accessToken = async (signal?: AbortSignal): Promise<string> => {
    if (fresh(held)) return held.accessToken;
    if (!held && !refreshToken && !canLogin()) throw new NotLoggedInError();
    return (await shared(renew, signal)).accessToken;
  };

  return {
    kind: 'exordos-iam',
    clientUrl,
    async authorize(request, context: AuthContext) {
      request.headers.set('authorization', `Bearer ${await accessToken(context.signal)}`);
    },
    async onUnauthorized(context: AuthContext) {
      if (!refreshToken && !canLogin()) return false;
      // Callers that saw the same 401 join one renewal instead of each logging in.
      if (!inflight) held = undefined;
      await shared(renew, context.signal);
      return true;
    },
    login: (signal) => shared(passwordLogin, signal),
    accessToken,
    tokens: () => held,
    describe: () => `exordos-iam ${options.username ?? '(saved login)'} via ${clientUrl}`,
    secrets: () =>
      [options.password, options.clientSecret, options.refreshToken, options.accessToken, ...issued].filter(
        (value): value is string => typeof value === 'string' && value !== '',
      ),
  };
}

function loginField(grantType: string): string {
  if (grantType === 'email+password') return 'email';
  if (grantType === 'phone+password') return 'phone';
  if (grantType === 'login+password') return 'login';
  return 'username';
}

function scopeOf(options: ExordosIamAuthOptions): string {
  const project = options.project === undefined ? METAPAAS_PROJECT_ID : options.project;
  return [project ? `project:${project}` : '', options.scope ?? ''].filter(Boolean).join(' ');
}
