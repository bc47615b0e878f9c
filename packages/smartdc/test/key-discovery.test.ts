import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SmartdcEmulator, startSmartdcEmulator } from '../src/emulator/index.js';
import { createSmartdcClient, smartdcClientOptionsFromEnv } from '../src/index.js';
import { generateKey, type TestKey, tempDir } from './support/ssh-keys.js';

describe('finding the signing key', () => {
  let emulator: SmartdcEmulator;
  let home: { path: string; remove: () => Promise<void> };
  let rsa: TestKey;
  let locked: TestKey;

  beforeAll(async () => {
    home = await tempDir('smartdc-home-');
    const ssh = join(home.path, '.ssh');
    await mkdir(ssh, { mode: 0o700 });
    rsa = await generateKey(ssh, 'id_rsa', 'rsa');
    locked = await generateKey(ssh, 'id_locked', 'rsa', 'correct horse');
    emulator = await startSmartdcEmulator();
    emulator.addKey(rsa.publicKey);
    emulator.addKey(locked.publicKey);
  });
  afterAll(async () => {
    await emulator?.close();
    await home?.remove();
  });

  const inHome = (keyId: string, extra: Record<string, unknown> = {}) =>
    createSmartdcClient({
      url: emulator.url,
      account: emulator.account,
      keyId,
      home: home.path,
      retry: false,
      ...extra,
    });

  it('finds the key in ~/.ssh by MD5 or SHA256 fingerprint', async () => {
    expect((await inHome(rsa.md5).account.get()).login).toBe(emulator.account);
    expect((await inHome(rsa.sha256).account.get()).login).toBe(emulator.account);
    expect((await inHome(`MD5:${rsa.md5}`).keys.list()).length).toBe(2);
  });

  it('says the matching key is encrypted, and signs once given its passphrase', async () => {
    const error = await inHome(locked.md5, { agent: false })
      .account.get()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'SIGNING' });
    expect((error as Error).message).toMatch(/encrypted|locked|passphrase/i);
    expect(JSON.stringify(error)).not.toContain('correct horse');
    expect((await inHome(locked.md5, { passphrase: 'correct horse' }).account.get()).login).toBe(
      emulator.account,
    );
  });

  it('lists the fingerprints it saw when none matches', async () => {
    const error = await inHome('00:11:22:33:44:55:66:77:88:99:aa:bb:cc:dd:ee:ff')
      .account.get()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'SIGNING',
      details: { candidates: expect.arrayContaining([rsa.md5]) },
    });
    expect((error as Error).message).toContain('00:11:22:33:44:55:66:77:88:99:aa:bb:cc:dd:ee:ff');
  });

  it('names both fingerprints when a key file does not match the keyId', async () => {
    const error = await inHome(locked.md5, { key: rsa.privateKeyFile })
      .account.get()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'SIGNING' });
    expect((error as Error).message).toContain(rsa.md5);
    expect((error as Error).message).toContain(locked.md5);
  });

  it('reads the key file once, in core: an unreadable one is a ConfigError naming its path', async () => {
    const missing = join(home.path, 'no-such-key');
    const error = await inHome(rsa.md5, { key: missing })
      .account.get()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CONFIG' });
    expect((error as Error).message).toContain(missing);
  });

  it('takes a key file with ~ and PEM text inline', async () => {
    const copy = join(home.path, 'copied_key');
    await copyFile(rsa.privateKeyFile, copy);
    expect((await inHome(rsa.md5, { key: '~/copied_key' }).account.get()).login).toBe(emulator.account);
    const { readFile } = await import('node:fs/promises');
    const pem = await readFile(rsa.privateKeyFile, 'utf8');
    expect((await inHome(rsa.md5, { key: pem }).account.get()).login).toBe(emulator.account);
  });

  it('rejects malformed settings before any request, naming what to fix', () => {
    const before = emulator.requestCount;
    expect(() => createSmartdcClient({ url: 'ftp://x', account: 'a', keyId: rsa.md5 })).toThrow(
      /url must be an http/,
    );
    expect(() => createSmartdcClient({ url: emulator.url, account: 'a/b', keyId: rsa.md5 })).toThrow(
      /account/,
    );
    expect(() => createSmartdcClient({ url: emulator.url, account: 'a', keyId: '!!!!' })).toThrow(
      /fingerprint/i,
    );
    expect(() => createSmartdcClient({ url: emulator.url, account: 'a', keyId: `${rsa.md5}aaaaa` })).toThrow(
      /fingerprint/i,
    );
    expect(() =>
      createSmartdcClient({
        url: emulator.url,
        account: 'a',
        keyId: rsa.md5,
        key: rsa.privateKeyFile,
        agent: true,
      }),
    ).toThrow(/either key or agent/);
    expect(() => createSmartdcClient({ account: 'a', keyId: rsa.md5 } as never)).toThrow(/url is required/);
    expect(emulator.requestCount).toBe(before);
  });

  it('reads node-triton and smartdc environment variables, TRITON_* first', () => {
    expect(
      smartdcClientOptionsFromEnv({
        SDC_URL: 'https://sdc.example',
        TRITON_URL: 'https://triton.example',
        SDC_ACCOUNT: 'jill',
        SDC_KEY_ID: rsa.md5,
        TRITON_USER: 'bob',
      }),
    ).toEqual({ url: 'https://triton.example', account: 'jill', keyId: rsa.md5, user: 'bob' });
    expect(
      smartdcClientOptionsFromEnv({ SDC_ACCOUNT: 'jill' }, { url: 'https://x', keyId: rsa.md5 }),
    ).toEqual({
      url: 'https://x',
      account: 'jill',
      keyId: rsa.md5,
    });
    expect(() => smartdcClientOptionsFromEnv({ SDC_URL: '', TRITON_ACCOUNT: 'x' })).toThrow(
      'CloudAPI settings missing from the environment: url (TRITON_URL or SDC_URL), keyId (TRITON_KEY_ID or SDC_KEY_ID)',
    );
  });
});
