import { ConfigError } from '@nimbus-sdk/core';
import type { DciCredentials } from './auth/credentials.js';

/** What {@link dciClientOptionsFromEnv} returns: the `url` and `auth` of `createDciClient`. */
export interface DciEnvOptions {
  url: string;
  auth: DciCredentials;
}

type Env = Readonly<Record<string, string | undefined>>;

function value(env: Env, name: string): string | undefined {
  const raw = env[name];
  return raw === undefined || raw.trim() === '' ? undefined : raw.trim();
}

/**
 * Reads dcictl's classic variables so an existing `dcirc.sh` works unchanged: `DCI_CS_URL` and one
 * credential set, chosen in dcictl's order: `SSO_TOKEN` (or `SSO_URL` + `SSO_USERNAME` +
 * `SSO_PASSWORD`), then `DCI_CLIENT_ID` + `DCI_API_SECRET`, then `DCI_LOGIN` + `DCI_PASSWORD`.
 *
 * @example createDciClient(dciClientOptionsFromEnv(process.env))
 */
export function dciClientOptionsFromEnv(env: Env): DciEnvOptions {
  const url = value(env, 'DCI_CS_URL');
  if (!url)
    throw new ConfigError(
      'DCI_CS_URL is not set: export the DCI server root, e.g. https://api.distributed-ci.io',
    );
  return { url, auth: credentialsFromEnv(env) };
}

/** The credential set of `env`, in dcictl's precedence; throws a ConfigError naming what is missing. */
export function credentialsFromEnv(env: Env): DciCredentials {
  const ssoToken = value(env, 'SSO_TOKEN');
  if (ssoToken) return { type: 'sso', token: ssoToken };
  const ssoUser = value(env, 'SSO_USERNAME');
  const ssoPassword = value(env, 'SSO_PASSWORD');
  if (ssoUser && ssoPassword) {
    return {
      type: 'sso-password',
      ssoUrl: value(env, 'SSO_URL') ?? 'http://127.0.0.1:8180',
      username: ssoUser,
      password: ssoPassword,
    };
  }
  const clientId = value(env, 'DCI_CLIENT_ID');
  const apiSecret = value(env, 'DCI_API_SECRET');
  if (clientId || apiSecret) {
    if (!clientId)
      throw new ConfigError('DCI_API_SECRET is set but DCI_CLIENT_ID is not: set both (remoteci/<id>)');
    if (!apiSecret) throw new ConfigError('DCI_CLIENT_ID is set but DCI_API_SECRET is not: set both');
    return { type: 'signature', clientId, apiSecret };
  }
  const login = value(env, 'DCI_LOGIN');
  const password = value(env, 'DCI_PASSWORD');
  if (login || password) {
    if (!login) throw new ConfigError('DCI_PASSWORD is set but DCI_LOGIN is not: set both');
    if (!password) throw new ConfigError('DCI_LOGIN is set but DCI_PASSWORD is not: set both');
    return { type: 'basic', login, password };
  }
  throw new ConfigError(
    'No credentials provided: set DCI_CLIENT_ID and DCI_API_SECRET, or DCI_LOGIN and DCI_PASSWORD, or SSO_TOKEN',
  );
}
