import { readFileSync } from 'node:fs';
import { ConfigError } from '@nimbus-sdk/core';
import type { SettingFields, SettingsOf } from '@nimbus-sdk/core/provider';
import type { ImsClientOptions } from './client-options.js';
import { parseS3SslVerify } from './s3-settings.js';

/** The helper's default IMS root: the CSM API gateway. */
export const DEFAULT_IMS_URL = 'https://api-gw-service-nmn.local/apis/ims';

/**
 * The `ims` profile section: each setting's environment variables (the helper's and CSM's, first
 * set wins) and its flag. The `OAUTH_CONFIG_DIR` files fill the OAuth2 variables left unset.
 */
export const imsSettings = {
  url: {
    description: `IMS root URL (default ${DEFAULT_IMS_URL})`,
    env: ['IMS_URL'],
    flag: 'ims-url',
    kind: 'url',
  },
  // Not `tokenUrl`: a key containing "token" is taken for a secret and masked everywhere.
  oauthEndpoint: {
    description: 'Keycloak token endpoint (…/keycloak/realms/shasta/protocol/openid-connect/token)',
    env: ['OAUTH_CLIENT_ENDPOINT'],
    flag: 'token-url',
    required: true,
    kind: 'url',
  },
  clientId: {
    description: 'OAuth2 client id (admin-client in CSM)',
    env: ['OAUTH_CLIENT_ID'],
    flag: 'oauth-client-id',
    required: true,
  },
  clientSecret: {
    description: 'OAuth2 client secret',
    env: ['OAUTH_CLIENT_SECRET'],
    flag: 'oauth-client-secret',
    secret: true,
    required: true,
  },
  cert: {
    description: 'CA certificate file (PEM) trusted for Keycloak and IMS',
    env: ['CA_CERT'],
    flag: 'cert',
  },
  s3Endpoint: {
    description: 'S3 endpoint of the artifact store (Ceph RGW)',
    env: ['S3_ENDPOINT', 'S3_HOST'],
    flag: 's3-endpoint',
    kind: 'url',
  },
  s3AccessKey: { description: 'S3 access key', env: ['S3_ACCESS_KEY'], flag: 's3-access-key' },
  s3SecretKey: { description: 'S3 secret key', env: ['S3_SECRET_KEY'], flag: 's3-secret-key', secret: true },
  s3Bucket: { description: 'S3 bucket of boot images (boot-images)', env: ['S3_BUCKET'], flag: 's3-bucket' },
  s3RecipeBucket: {
    description: 'S3 bucket of recipes (ims)',
    env: ['S3_IMS_BUCKET'],
    flag: 's3-recipe-bucket',
  },
  s3SslVerify: {
    description: 'verify S3 TLS: true, false, or a CA bundle file',
    env: ['S3_SSL_VERIFY', 'S3_SSL_VALIDATE'],
    flag: 's3-ssl-verify',
  },
} as const satisfies SettingFields;

/** Resolved settings of the `ims` section. */
export type ImsSettings = SettingsOf<typeof imsSettings>;

function readCaFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(
      `CA certificate file "${path}" cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unreadable'}): fix --cert or CA_CERT`,
      { details: { issues: [{ path: 'cert', message: 'unreadable file' }] } },
    );
  }
}

/**
 * Complete settings → client options. S3 is optional for IMS calls; when any S3 setting is given,
 * the endpoint and both keys must be.
 */
export function imsClientOptions(settings: ImsSettings): ImsClientOptions {
  const s3Given = [settings.s3Endpoint, settings.s3AccessKey, settings.s3SecretKey].filter(Boolean).length;
  if (s3Given > 0 && s3Given < 3) {
    const missing = (['s3Endpoint', 's3AccessKey', 's3SecretKey'] as const).filter((key) => !settings[key]);
    throw new ConfigError(`S3 settings are incomplete: set ${missing.join(', ')} too (or none of them)`, {
      details: { issues: missing.map((path) => ({ path, message: 'required with the other S3 settings' })) },
    });
  }
  const sslVerify = parseS3SslVerify(settings.s3SslVerify);
  return {
    url: settings.url || DEFAULT_IMS_URL,
    auth: {
      tokenUrl: settings.oauthEndpoint ?? '',
      clientId: settings.clientId ?? '',
      clientSecret: settings.clientSecret ?? '',
    },
    ...(settings.cert ? { caBundle: readCaFile(settings.cert) } : {}),
    ...(s3Given === 3
      ? {
          s3: {
            endpoint: settings.s3Endpoint as string,
            accessKeyId: settings.s3AccessKey as string,
            secretAccessKey: settings.s3SecretKey as string,
            ...(sslVerify === undefined ? {} : { sslVerify }),
          },
        }
      : {}),
    ...(settings.s3Bucket ? { bucket: settings.s3Bucket } : {}),
    ...(settings.s3RecipeBucket ? { recipeBucket: settings.s3RecipeBucket } : {}),
  };
}
