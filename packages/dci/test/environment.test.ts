import { describe, expect, it } from 'vitest';
import { createDciClient, credentialsFromEnv, dciClientOptionsFromEnv, parseClientId } from '../src/index.js';

describe('dcirc environment', () => {
  const url = 'https://api.distributed-ci.io';

  it('reads a remoteci dcirc.sh', () => {
    expect(
      dciClientOptionsFromEnv({ DCI_CS_URL: url, DCI_CLIENT_ID: 'remoteci/abc', DCI_API_SECRET: 'secret' }),
    ).toEqual({ url, auth: { type: 'signature', clientId: 'remoteci/abc', apiSecret: 'secret' } });
  });

  it('follows dcictl precedence: SSO, then signature, then basic', () => {
    const all = { DCI_CLIENT_ID: 'feeder/f', DCI_API_SECRET: 's', DCI_LOGIN: 'u', DCI_PASSWORD: 'p' };
    expect(credentialsFromEnv({ ...all, SSO_TOKEN: 't' })).toEqual({ type: 'sso', token: 't' });
    expect(
      credentialsFromEnv({ ...all, SSO_URL: 'https://sso', SSO_USERNAME: 'x', SSO_PASSWORD: 'y' }),
    ).toEqual({
      type: 'sso-password',
      ssoUrl: 'https://sso',
      username: 'x',
      password: 'y',
    });
    expect(credentialsFromEnv(all)).toMatchObject({ type: 'signature', clientId: 'feeder/f' });
    expect(credentialsFromEnv({ DCI_LOGIN: 'u', DCI_PASSWORD: 'p' })).toEqual({
      type: 'basic',
      login: 'u',
      password: 'p',
    });
  });

  it('names what is missing without echoing secrets', () => {
    expect(() => dciClientOptionsFromEnv({})).toThrow(/DCI_CS_URL is not set/);
    expect(() => credentialsFromEnv({})).toThrow(/No credentials provided/);
    expect(() => credentialsFromEnv({ DCI_API_SECRET: 'topsecret' })).toThrow(/DCI_CLIENT_ID is not/);
    try {
      credentialsFromEnv({ DCI_API_SECRET: 'topsecret' });
    } catch (error) {
      expect(String(error)).not.toContain('topsecret');
    }
    expect(() => credentialsFromEnv({ DCI_LOGIN: 'u' })).toThrow(
      /DCI_PASSWORD is not set|DCI_LOGIN is set but DCI_PASSWORD/,
    );
  });

  it('parses client ids like dcictl', () => {
    expect(parseClientId('abc')).toEqual({ type: 'remoteci', id: 'abc', accessKey: 'remoteci/abc' });
    expect(parseClientId('feeder/abc/extra')).toEqual({ type: 'feeder', id: 'abc', accessKey: 'feeder/abc' });
    expect(() => parseClientId('team/abc')).toThrow(/remoteci\/<uuid> or feeder\/<uuid>/);
  });
});

describe('createDciClient options', () => {
  it('names what is wrong before building anything', () => {
    expect(() => createDciClient({ url: '', auth: { type: 'basic', login: 'u', password: 'p' } })).toThrow(
      /url.*cannot be empty/,
    );
    expect(() =>
      createDciClient({ url: 'https://x', auth: { type: 'signature', clientId: 'remoteci/a' } } as never),
    ).toThrow(/auth.apiSecret is required/);
    expect(() => createDciClient({ url: 'https://x', auth: { type: 'token' } } as never)).toThrow(
      /auth.type must be/,
    );
    expect(() => createDciClient({ url: 'ftp://x', auth: { type: 'sso', token: 't' } })).toThrow(
      /must be http or https/,
    );
  });
});
