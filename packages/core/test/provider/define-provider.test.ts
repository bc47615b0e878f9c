import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors/client-errors.js';
import { defineProvider, type SettingFields, timeoutSetting } from '../../src/provider/index.js';

const settings = {
  url: { description: 'Service URL', env: ['HELLO_URL'], flag: 'hello-url', required: true, kind: 'url' },
  token: { description: 'Token', env: ['HELLO_TOKEN', 'OLD_TOKEN'], flag: 'hello-token', secret: true },
  user: { description: 'User', env: ['HELLO_USER'] },
  retries: { description: 'Retries', flag: 'hello-retries', kind: 'integer' },
} as const satisfies SettingFields;

let built = 0;
const hello = defineProvider({
  name: 'hello',
  title: 'Greetings',
  settings,
  validate: (s) => (s.user === 'root' ? [{ path: 'user', message: 'must not be root' }] : []),
  clientOptions(s) {
    if (s.user && !s.token) {
      throw new ConfigError('a user needs a token', {
        details: { issues: [{ path: 'credentials', message: 'a user needs a token' }] },
      });
    }
    return { url: s.url ?? '', token: s.token };
  },
  createClient: (options) => {
    built++;
    return { options };
  },
  startSandbox: async () => ({ url: 'http://127.0.0.1:1', profile: {}, close: async () => {} }),
  demo: [],
});

describe('defineProvider', () => {
  it('derives the profile section spec the CLI reads from the settings', () => {
    // Every provider also gets the kit's `timeout` setting, after its own fields.
    expect(hello.profile.fields).toEqual({ ...settings, timeout: timeoutSetting });
    expect(Object.keys(hello.settings)).toEqual(['url', 'token', 'user', 'retries', 'timeout']);
    expect(hello.name).toBe('hello');
    expect(() => defineProvider({ ...hello, name: 'Hello World', clientOptions: () => ({}) })).toThrow(
      /provider name/,
    );
  });

  it('resolves flags > env > profile and reads env variables in order', () => {
    const profile = { url: 'http://profile', token: 'p-token' };
    expect(
      hello.resolveSettings({
        flags: { 'hello-url': 'http://flag' },
        env: { HELLO_URL: 'http://env' },
        profile,
      }),
    ).toMatchObject({ url: 'http://flag', token: 'p-token' });
    expect(hello.resolveSettings({ env: { HELLO_URL: 'http://env', HELLO_TOKEN: '' }, profile })).toEqual({
      url: 'http://env',
      token: 'p-token',
    });
    expect(hello.settingsFromEnv({ OLD_TOKEN: 'old', HELLO_USER: 'ann' })).toEqual({
      token: 'old',
      user: 'ann',
    });
  });

  it('reports missing, malformed and inconsistent settings as one ConfigError, issue by issue', () => {
    const error = (() => {
      try {
        hello.checkSettings({ url: 'ftp://x', retries: 'many', user: 'root' }, 'profile "lab"');
      } catch (caught) {
        return caught as ConfigError;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect(error?.message).toBe(
      'hello settings incomplete (profile "lab"): hello.url must be an http(s) URL (set by --hello-url, HELLO_URL, ' +
        'profile hello.url); hello.retries must be a whole number (set by --hello-retries, profile hello.retries); ' +
        'hello.user must not be root',
    );
    // Inconsistent settings are found by running the one conversion to client options.
    expect(() => hello.checkSettings({ url: 'http://x', user: 'ann' })).toThrow(
      'hello settings incomplete (settings): hello.credentials a user needs a token',
    );
    expect(hello.checkSettings({ url: 'http://x', user: 'ann', token: 't' })).toEqual({
      url: 'http://x',
      user: 'ann',
      token: 't',
    });
  });

  it('turns env variables into client options once, and builds the client', async () => {
    const options = hello.clientOptionsFromEnv({ HELLO_URL: 'http://x', HELLO_TOKEN: 't' });
    expect(options).toEqual({ url: 'http://x', token: 't' });
    expect(hello.clientOptionsFromEnv({ HELLO_URL: 'http://x', NIMBUS_TIMEOUT: '2s' })).toEqual({
      url: 'http://x',
      timeoutMs: 2000,
      totalTimeoutMs: 2000,
    });
    expect(() => hello.clientOptionsFromEnv({})).toThrow(/hello\.url required; set --hello-url, HELLO_URL/);
    const before = built;
    await expect(hello.createClient(options)).resolves.toEqual({ options });
    expect(built).toBe(before + 1);
  });
});
