import { ConfigError } from '@nimbus-sdk/core';
import { resolveSection, type SettingsOf } from '@nimbus-sdk/core/provider';
import type { DciCredentials } from './auth/credentials.js';

/** dcictl's settings with their environment variables and flags: the one source for env, flags and profiles. */
export const dciSettings = {
  url: {
    description: 'DCI server root, e.g. https://api.distributed-ci.io',
    env: ['DCI_CS_URL'],
    flag: 'dci-cs-url',
    required: true,
    kind: 'url',
  },
  clientId: {
    description: 'Remoteci or feeder id: remoteci/<uuid> or feeder/<uuid>',
    env: ['DCI_CLIENT_ID'],
    flag: 'dci-client-id',
  },
  apiSecret: {
    description: 'API secret of the remoteci or feeder',
    env: ['DCI_API_SECRET'],
    flag: 'dci-api-secret',
    secret: true,
  },
  login: { description: 'User login (name or email) for basic auth', env: ['DCI_LOGIN'], flag: 'dci-login' },
  password: {
    description: 'User password for basic auth',
    env: ['DCI_PASSWORD'],
    flag: 'dci-password',
    secret: true,
  },
  ssoToken: { description: 'Red Hat SSO access token', env: ['SSO_TOKEN'], flag: 'sso-token', secret: true },
  ssoUrl: { description: 'Red Hat SSO (Keycloak) root', env: ['SSO_URL'], flag: 'sso-url', kind: 'url' },
  ssoUsername: { description: 'Red Hat SSO user name', env: ['SSO_USERNAME'], flag: 'sso-username' },
  ssoPassword: {
    description: 'Red Hat SSO password',
    env: ['SSO_PASSWORD'],
    flag: 'sso-password',
    secret: true,
  },
} as const;

/** Resolved `dci` settings (from flags, env and a profile, or env alone). */
export type DciSettings = SettingsOf<typeof dciSettings>;

/** What {@link dciClientOptionsFromEnv} returns: the `url` and `auth` of `createDciClient`. */
export interface DciEnvOptions {
  url: string;
  auth: DciCredentials;
}

type Env = Readonly<Record<string, string | undefined>>;

function value(settings: DciSettings, key: keyof DciSettings): string | undefined {
  const raw = settings[key];
  return raw === undefined || raw.trim() === '' ? undefined : raw.trim();
}

/** A credential problem, pointed at the `credentials` of the section so `nimbus profile` can show it. */
function credentialsError(message: string): ConfigError {
  return new ConfigError(message, { details: { issues: [{ path: 'credentials', message }] } });
}

/**
 * Resolved settings → `createDciClient`'s `url` and `auth`: the one conversion the CLI and
 * {@link dciClientOptionsFromEnv} share. Messages use dcictl's variable names, which name the
 * settings for dcictl users whichever way they were given.
 */
export function dciClientOptions(settings: DciSettings): DciEnvOptions {
  const url = value(settings, 'url');
  if (!url)
    throw new ConfigError(
      'DCI_CS_URL is not set: export the DCI server root, e.g. https://api.distributed-ci.io',
    );
  return { url, auth: credentialsFromSettings(settings) };
}

/** The credential set of `settings`, in dcictl's precedence; throws a ConfigError naming what is missing. */
export function credentialsFromSettings(settings: DciSettings): DciCredentials {
  const ssoToken = value(settings, 'ssoToken');
  if (ssoToken) return { type: 'sso', token: ssoToken };
  const ssoUser = value(settings, 'ssoUsername');
  const ssoPassword = value(settings, 'ssoPassword');
  if (ssoUser && ssoPassword) {
    return {
      type: 'sso-password',
      ssoUrl: value(settings, 'ssoUrl') ?? 'http://127.0.0.1:8180',
      username: ssoUser,
      password: ssoPassword,
    };
  }
  const clientId = value(settings, 'clientId');
  const apiSecret = value(settings, 'apiSecret');
  if (clientId || apiSecret) {
    if (!clientId)
      throw credentialsError('DCI_API_SECRET is set but DCI_CLIENT_ID is not: set both (remoteci/<id>)');
    if (!apiSecret) throw credentialsError('DCI_CLIENT_ID is set but DCI_API_SECRET is not: set both');
    return { type: 'signature', clientId, apiSecret };
  }
  const login = value(settings, 'login');
  const password = value(settings, 'password');
  if (login || password) {
    if (!login) throw credentialsError('DCI_PASSWORD is set but DCI_LOGIN is not: set both');
    if (!password) throw credentialsError('DCI_LOGIN is set but DCI_PASSWORD is not: set both');
    return { type: 'basic', login, password };
  }
  throw credentialsError(
    'No credentials provided: set DCI_CLIENT_ID and DCI_API_SECRET, or DCI_LOGIN and DCI_PASSWORD, or SSO_TOKEN',
  );
}

const fromEnv = (env: Env): DciSettings => resolveSection({ fields: dciSettings, env });

/**
 * Reads dcictl's classic variables so an existing `dcirc.sh` works unchanged: `DCI_CS_URL` and one
 * credential set, chosen in dcictl's order: `SSO_TOKEN` (or `SSO_URL` + `SSO_USERNAME` +
 * `SSO_PASSWORD`), then `DCI_CLIENT_ID` + `DCI_API_SECRET`, then `DCI_LOGIN` + `DCI_PASSWORD`.
 *
 * @example createDciClient(dciClientOptionsFromEnv(process.env))
 */
export function dciClientOptionsFromEnv(env: Env): DciEnvOptions {
  return dciClientOptions(fromEnv(env));
}

/** The credential set of `env`, in dcictl's precedence; throws a ConfigError naming what is missing. */
export function credentialsFromEnv(env: Env): DciCredentials {
  return credentialsFromSettings(fromEnv(env));
}
