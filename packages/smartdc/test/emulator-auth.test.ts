import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SmartdcEmulator, startSmartdcEmulator } from '../src/emulator/index.js';
import { createSmartdcClient } from '../src/index.js';
import { rawRequest } from './support/raw-request.js';
import { generateKey, type TestKey, tempDir } from './support/ssh-keys.js';

describe('emulator authentication of SDK requests', () => {
  let emulator: SmartdcEmulator;
  let key: TestKey;
  let stranger: TestKey;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const dir = await tempDir('smartdc-auth-');
    cleanup = dir.remove;
    key = await generateKey(dir.path, 'id_rsa', 'rsa');
    stranger = await generateKey(dir.path, 'other_rsa', 'rsa');
    emulator = await startSmartdcEmulator({ seed: { login: 'jill' } });
    emulator.addKey(key.publicKey, { name: 'laptop' });
  });
  afterAll(async () => {
    await emulator?.close();
    await cleanup?.();
  });

  const client = (overrides: Partial<Parameters<typeof createSmartdcClient>[0]> = {}) =>
    createSmartdcClient({
      url: emulator.url,
      account: 'jill',
      keyId: key.md5,
      key: key.privateKeyFile,
      retry: false,
      ...overrides,
    });

  it('accepts modern (request-target) date signatures and answers CloudAPI headers', async () => {
    const seen: Record<string, string>[] = [];
    const triton = client({
      fetch: async (input, init) => {
        const request = new Request(input, init);
        seen.push(Object.fromEntries(request.headers));
        return fetch(request);
      },
    });
    expect((await triton.account.get()).login).toBe('jill');
    const sent = seen[0] ?? {};
    expect(sent.authorization).toMatch(
      new RegExp(
        `^Signature keyId="/jill/keys/${key.md5}",algorithm="rsa-sha256",headers="\\(request-target\\) date",signature="`,
      ),
    );
    expect(sent['accept-version']).toBe('~9||~8');
  });

  it('accepts the legacy 0.9 format and a SHA256 keyId (sent as MD5)', async () => {
    expect((await client({ signatureFormat: 'legacy' }).keys.list()).map((k) => k.name)).toEqual(['laptop']);
    expect((await client({ keyId: key.sha256 }).keys.get('laptop')).fingerprint).toBe(key.md5);
    expect((await client({ keyId: `/jill/keys/${key.md5}` }).account.get()).login).toBe('jill');
  });

  it('rejects an unknown key with 401 InvalidCredentials', async () => {
    const error = await client({ keyId: stranger.md5, key: stranger.privateKeyFile })
      .account.get()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'AUTHENTICATION', status: 401 });
    expect((error as Error).message).toContain('Invalid authorization credentials supplied');
  });

  it('rejects a date six minutes old with 400 InvalidHeader, and accepts four minutes', async () => {
    const stale = client({ clock: () => new Date(Date.now() - 6 * 60_000) });
    await expect(stale.account.get()).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining("this computer's clock differs from CloudAPI's by more than 300 s"),
      details: { code: 'InvalidHeader', message: expect.stringContaining('clock skew') },
    });
    expect((await client({ clock: () => new Date(Date.now() - 4 * 60_000) }).account.get()).login).toBe(
      'jill',
    );
  });

  it('rejects a tampered signature', async () => {
    const triton = client({
      fetch: async (input, init) => {
        const request = new Request(input, init);
        const auth = request.headers.get('authorization') ?? '';
        request.headers.set(
          'authorization',
          auth.replace(/signature="(.)/, (_m, c: string) => `signature="${c === 'A' ? 'B' : 'A'}`),
        );
        return fetch(request);
      },
    });
    await expect(triton.account.get()).rejects.toMatchObject({
      status: 401,
      details: { code: 'InvalidCredentials' },
    });
  });

  it('answers 401 without Authorization, but /--ping needs none', async () => {
    const unsigned = await rawRequest(emulator.url, 'GET', '/my/machines', {});
    expect(unsigned.status).toBe(401);
    expect(unsigned.body).toEqual({
      code: 'InvalidCredentials',
      message: 'You must make authenticated requests to use CloudAPI',
    });
    expect(unsigned.headers['api-version']).toBe('9.0.0');
    expect(unsigned.headers.server).toBe('cloudapi/9.15.0');
    const ping = await rawRequest(emulator.url, 'GET', '/--ping', {});
    expect(ping.body).toMatchObject({
      ping: 'pong',
      cloudapi: { versions: expect.arrayContaining(['7.2.0', '9.0.0']) },
    });
  });

  it('negotiates Accept-Version like restify: ranges, X-Api-Version fallback, 400 InvalidVersion', async () => {
    const answer = await rawRequest(emulator.url, 'GET', '/my', { 'accept-version': '~6' });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ code: 'InvalidVersion', message: '~6 is not supported by GET /my' });
    await expect(client({ acceptVersion: '~7.2' }).account.get()).resolves.toMatchObject({ login: 'jill' });
    await expect(client({ acceptVersion: '>=10' }).account.get()).rejects.toMatchObject({ status: 400 });
    const legacy = await client({ acceptVersion: '~7.2' }).images.list();
    expect(legacy.every((image) => image.type === 'smartmachine' || image.type === 'virtualmachine')).toBe(
      true,
    );
  });

  it('authenticates RBAC sub-user keys from API 7.2 on, and refuses them before', async () => {
    const dir = await tempDir('smartdc-subuser-');
    try {
      const userKey = await generateKey(dir.path, 'id_user', 'rsa');
      emulator.addKey(userKey.publicKey, { user: 'bob' });
      const bob = client({ user: 'bob', keyId: userKey.md5, key: userKey.privateKeyFile });
      expect((await bob.account.get()).login).toBe('jill');
      const old = client({
        user: 'bob',
        keyId: userKey.md5,
        key: userKey.privateKeyFile,
        acceptVersion: '~7.1',
      });
      const error = await old.account.get().catch((e: unknown) => e);
      expect(error).toMatchObject({ status: 401 });
      expect((error as Error).message).toContain(`Invalid KeyId /jill/users/bob/keys/${userKey.md5}`);
    } finally {
      await dir.remove();
    }
  });

  it('rejects a keyId under a login the emulator does not have', async () => {
    const triton = createSmartdcClient({
      url: emulator.url,
      account: 'someone-else',
      keyId: key.md5,
      key: key.privateKeyFile,
    });
    await expect(triton.account.get()).rejects.toMatchObject({ status: 401 });
  });
});
