import { ConfigError } from '@nimbus-sdk/core';
import type { SettingFields, SettingsOf } from '@nimbus-sdk/core/provider';
import type { S3aasClientOptions } from './client-options.js';

/**
 * The s3aas settings with their environment variables and flags: the one source for env, flags and
 * profiles. `refreshToken` has no flag or variable: `nimbus s3aas login` writes it to the profile.
 */
export const s3aasSettings = {
  url: {
    description: 'MetaPaaS API root serving /v1/types/s3/, e.g. http://metapaas:8080',
    env: ['S3AAS_URL'],
    flag: 'url',
    required: true,
    kind: 'url',
  },
  iamUrl: {
    description: 'Exordos Core IAM root, e.g. http://core/api/core',
    env: ['EXORDOS_IAM_URL'],
    flag: 'iam-url',
    required: true,
    kind: 'url',
  },
  username: { description: 'Exordos user name', env: ['EXORDOS_USERNAME'], flag: 'username' },
  password: { description: 'Exordos password', env: ['EXORDOS_PASSWORD'], flag: 'password', secret: true },
  clientId: {
    description: "IAM client id; omit to use the load balancer's default client",
    env: ['EXORDOS_CLIENT_ID'],
    flag: 'client-id',
  },
  clientSecret: {
    description: 'IAM client secret',
    env: ['EXORDOS_CLIENT_SECRET'],
    flag: 'client-secret',
    secret: true,
  },
  project: {
    description: 'Project the token is scoped to (default the MetaPaaS project)',
    env: ['EXORDOS_PROJECT_ID'],
    flag: 'project',
  },
  dataPlaneEndpoint: {
    description: "S3 endpoint of instances, instead of http://<the instance's first IPv4>:9000",
    flag: 'data-plane-endpoint',
    kind: 'url',
  },
  refreshToken: { description: 'Refresh token saved by `nimbus s3aas login`', secret: true },
} as const satisfies SettingFields;

/** Resolved `s3aas` settings: each field's value when one was found. */
export type S3aasSettings = SettingsOf<typeof s3aasSettings>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function value(settings: S3aasSettings, key: keyof S3aasSettings): string | undefined {
  const raw = settings[key];
  return raw === undefined || raw.trim() === '' ? undefined : raw.trim();
}

function settingError(path: string, message: string): ConfigError {
  return new ConfigError(message, { details: { issues: [{ path, message }] } });
}

/**
 * Resolved settings → `createS3aasClient` options: the one conversion the CLI and the environment
 * reader share. A password without a username (or a secret without a client id) is refused here.
 */
export function s3aasClientOptions(settings: S3aasSettings): S3aasClientOptions {
  const url = value(settings, 'url');
  if (!url) throw settingError('url', 'S3AAS_URL is not set: give the MetaPaaS API root (--url)');
  const iamUrl = value(settings, 'iamUrl');
  if (!iamUrl)
    throw settingError('iamUrl', 'EXORDOS_IAM_URL is not set: give the Exordos Core IAM root (--iam-url)');
  const username = value(settings, 'username');
  const password = value(settings, 'password');
  if (password && !username)
    throw settingError('username', 'EXORDOS_PASSWORD is set but EXORDOS_USERNAME is not: set both');
  const clientId = value(settings, 'clientId');
  const clientSecret = value(settings, 'clientSecret');
  if (clientSecret && !clientId) {
    throw settingError('clientId', 'EXORDOS_CLIENT_SECRET is set but EXORDOS_CLIENT_ID is not: set both');
  }
  const project = value(settings, 'project');
  if (project && !UUID.test(project))
    throw settingError('project', `EXORDOS_PROJECT_ID must be a project uuid, got ${project}`);
  const endpoint = value(settings, 'dataPlaneEndpoint');
  return {
    url,
    iam: {
      url: iamUrl,
      ...(username ? { username } : {}),
      ...(password ? { password } : {}),
      ...(clientId ? { clientId } : {}),
      ...(clientSecret ? { clientSecret } : {}),
      ...(value(settings, 'refreshToken') ? { refreshToken: value(settings, 'refreshToken') } : {}),
    },
    ...(project ? { project } : {}),
    ...(endpoint ? { dataPlane: { endpoint } } : {}),
  };
}
