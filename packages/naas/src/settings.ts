import type { SettingFields, SettingsOf } from '@nimbus-sdk/core/provider';
import type { NaasClientOptions } from './client-options.js';

/** naas-python's settings with their environment variables and flags. */
export const naasSettings = {
  url: {
    description: 'Naas API base, default https://api.naas.ai',
    env: ['NAAS_PYTHON_API_BASE_URL'],
    flag: 'naas-url',
    kind: 'url',
  },
  token: {
    description:
      'Naas JWT; from a profile it is used only after JUPYTERHUB_API_TOKEN and ~/.naas/credentials',
    env: ['NAAS_CREDENTIALS_JWT_TOKEN'],
    flag: 'naas-token',
    secret: true,
  },
  jupyterhubToken: {
    description: 'JupyterHub API token, traded once for a Naas JWT',
    env: ['JUPYTERHUB_API_TOKEN'],
    flag: 'jupyterhub-api-token',
    secret: true,
  },
  credentialsFile: {
    description: 'Naas credentials file, default ~/.naas/credentials',
    env: ['NAAS_CREDENTIALS_FILE'],
    flag: 'naas-credentials-file',
  },
  authUrl: {
    description: 'Naas auth host (token trades), default https://auth.naas.ai',
    env: ['NAAS_AUTH_URL'],
    flag: 'naas-auth-url',
    kind: 'url',
  },
  loginUrl: {
    description: 'Page opened by `nimbus naas login`',
    env: ['NAAS_LOGIN_URL'],
    flag: 'naas-login-url',
  },
  workspaceId: {
    description: 'Default workspace of storage and asset commands',
    env: ['NAAS_WORKSPACE_ID'],
    flag: 'naas-workspace-id',
  },
  s3Endpoint: {
    description: 'S3 endpoint for object transfers (S3-compatible storage), default AWS',
    env: ['AWS_ENDPOINT_URL_S3', 'AWS_ENDPOINT_URL'],
    flag: 's3-endpoint',
    kind: 'url',
  },
} as const satisfies SettingFields;

/** Resolved `naas` settings. */
export type NaasSettings = SettingsOf<typeof naasSettings>;

/** Where the token setting came from; a profile's token ranks below JupyterHub and the credentials file. */
export type TokenOrigin = 'flag-or-env' | 'profile';

/**
 * Resolved settings → `createNaasClient` options, the one conversion the CLI and
 * `naasClientOptionsFromEnv` share. The environment handed to the client holds only the JupyterHub
 * token (from its setting), so the SDK never reads anything else from the process.
 */
export function naasClientOptions(
  settings: NaasSettings,
  tokenOrigin: TokenOrigin = 'flag-or-env',
): NaasClientOptions {
  const options: NaasClientOptions = { env: { JUPYTERHUB_API_TOKEN: settings.jupyterhubToken } };
  if (settings.url) options.url = settings.url;
  if (settings.authUrl) options.authUrl = settings.authUrl;
  if (settings.credentialsFile) options.credentialsFile = settings.credentialsFile;
  if (settings.token) {
    if (tokenOrigin === 'profile') options.profileToken = settings.token;
    else options.token = settings.token;
  }
  if (settings.s3Endpoint) options.s3 = { endpoint: settings.s3Endpoint };
  return options;
}
