import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '@nimbus-sdk/core';
import { afterAll, describe, expect, it } from 'vitest';
import { imsClientOptionsFromEnv } from '../src/index.js';
import { environmentWithOAuthConfigDir, readOAuthConfigDir } from '../src/oauth-config-dir.js';
import { DEFAULT_IMS_URL, imsClientOptions } from '../src/settings.js';

const dir = mkdtempSync(join(tmpdir(), 'ims-settings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('OAUTH_CONFIG_DIR', () => {
  it('reads client-id, client-secret and endpoint, whitespace-stripped; a missing file is no source', () => {
    const auth = join(dir, 'auth');
    mkdirSync(auth, { recursive: true });
    writeFileSync(join(auth, 'client-id'), 'admin-client\n');
    writeFileSync(join(auth, 'endpoint'), '  https://kc.example/token  \n');
    expect(readOAuthConfigDir({ OAUTH_CONFIG_DIR: auth })).toEqual({
      OAUTH_CLIENT_ID: 'admin-client',
      OAUTH_CLIENT_ENDPOINT: 'https://kc.example/token',
    });
  });

  it('fills only the variables the environment leaves unset (environment > files)', () => {
    const auth = join(dir, 'auth2');
    mkdirSync(auth, { recursive: true });
    writeFileSync(join(auth, 'client-id'), 'from-file');
    writeFileSync(join(auth, 'client-secret'), 'file-secret');
    const env = environmentWithOAuthConfigDir({ OAUTH_CONFIG_DIR: auth, OAUTH_CLIENT_ID: 'from-env' });
    expect(env.OAUTH_CLIENT_ID).toBe('from-env');
    expect(env.OAUTH_CLIENT_SECRET).toBe('file-secret');
  });

  it('is no source when the directory does not exist', () => {
    expect(readOAuthConfigDir({ OAUTH_CONFIG_DIR: join(dir, 'absent') })).toEqual({});
  });
});

describe('imsClientOptions', () => {
  const oauth = { oauthEndpoint: 'https://kc/token', clientId: 'c', clientSecret: 's' };
  const auth = { tokenUrl: 'https://kc/token', clientId: 'c', clientSecret: 's' };

  it('defaults the IMS URL to the CSM gateway and leaves S3 out when none is set', () => {
    expect(imsClientOptions(oauth)).toEqual({ url: DEFAULT_IMS_URL, auth });
  });

  it('reads S3 settings, and S3_SSL_VERIFY false-like words as false', () => {
    const options = imsClientOptions({
      ...oauth,
      s3Endpoint: 'http://rgw',
      s3AccessKey: 'a',
      s3SecretKey: 'b',
      s3Bucket: 'boot-images',
      s3SslVerify: 'False',
    });
    expect(options.s3).toEqual({
      endpoint: 'http://rgw',
      accessKeyId: 'a',
      secretAccessKey: 'b',
      sslVerify: false,
    });
    expect(options.bucket).toBe('boot-images');
  });

  it('reads a CA bundle path in S3_SSL_VERIFY and the --cert file', () => {
    const pem = join(dir, 'ca.pem');
    writeFileSync(pem, '-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----\n');
    const options = imsClientOptions({
      ...oauth,
      cert: pem,
      s3Endpoint: 'https://rgw',
      s3AccessKey: 'a',
      s3SecretKey: 'b',
      s3SslVerify: pem,
    });
    expect(options.caBundle).toContain('BEGIN CERTIFICATE');
    expect(options.s3?.sslVerify).toContain('BEGIN CERTIFICATE');
  });

  it('names what is missing from incomplete S3 settings and an unreadable CA file', () => {
    expect(() => imsClientOptions({ ...oauth, s3Endpoint: 'http://rgw' })).toThrow(
      /s3AccessKey, s3SecretKey/,
    );
    expect(() => imsClientOptions({ ...oauth, cert: join(dir, 'nope.pem') })).toThrow(ConfigError);
    expect(() =>
      imsClientOptions({
        ...oauth,
        s3Endpoint: 'h',
        s3AccessKey: 'a',
        s3SecretKey: 'b',
        s3SslVerify: '/no/such',
      }),
    ).toThrow(/neither true\/false nor a readable CA bundle/);
  });
});

describe('imsClientOptionsFromEnv', () => {
  it('builds options from the helper variables and the config directory, and names what is missing', () => {
    const auth = join(dir, 'auth3');
    mkdirSync(auth, { recursive: true });
    writeFileSync(join(auth, 'client-secret'), 'from-file\n');
    const options = imsClientOptionsFromEnv({
      OAUTH_CONFIG_DIR: auth,
      IMS_URL: 'https://gw/apis/ims',
      OAUTH_CLIENT_ENDPOINT: 'https://gw/keycloak/token',
      OAUTH_CLIENT_ID: 'admin-client',
      S3_HOST: 'http://rgw',
      S3_ACCESS_KEY: 'a',
      S3_SECRET_KEY: 'b',
      S3_SSL_VALIDATE: 'false',
    });
    expect(options).toMatchObject({
      url: 'https://gw/apis/ims',
      auth: { tokenUrl: 'https://gw/keycloak/token', clientId: 'admin-client', clientSecret: 'from-file' },
      s3: { endpoint: 'http://rgw', sslVerify: false },
    });
    expect(() => imsClientOptionsFromEnv({ OAUTH_CONFIG_DIR: join(dir, 'absent') })).toThrow(
      /OAUTH_CLIENT_ID/,
    );
  });
});
