import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNimbus } from '../../../test-support/run-cli.js';
import { createIsolatedHome, type IsolatedHome } from './support/isolated-home.js';

// A value is checked the same whether it comes from a flag, the environment or `profile edit`,
// and while a profile is edited the messages name its keys (smartdc.keyId), not variables.
let home: IsolatedHome;

beforeAll(async () => {
  home = await createIsolatedHome();
  expect((await runNimbus(['profile', 'create', 'lab'], home.env)).code).toBe(0);
});
afterAll(async () => {
  await home.remove();
});

const editProfile = (name: string, ...sets: string[]) =>
  runNimbus(['profile', 'edit', name, ...sets.flatMap((set) => ['--set', set])], home.env);
const edit = (...sets: string[]) => editProfile('lab', ...sets);
const stored = async () =>
  JSON.parse(await readFile(join(home.configDir, 'profiles.json'), 'utf8')).profiles.lab;
/** Environment variable names as the providers spell them: DCI_CS_URL, TRITON_KEY_ID, ... */
const ENV_NAME = /\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/;

describe('profile edit validation', () => {
  it.each([['dci.url'], ['smartdc.url'], ['ims.url'], ['naas.url'], ['s3aas.url']])(
    'refuses %s=notaurl (exit 2), naming the key, and saves nothing',
    async (key) => {
      const run = await edit(`${key}=notaurl`);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`${key} must be an http(s) URL`);
      expect(await stored()).toEqual({});
    },
  );

  it('refuses a smartdc.keyId that is no key fingerprint', async () => {
    const run = await edit(
      'smartdc.url=https://cloudapi.example',
      'smartdc.account=bob',
      'smartdc.keyId=garbage',
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('smartdc.keyId must be');
    expect(await stored()).toEqual({});
  });

  it('accepts every fingerprint form smartdc signs with', async () => {
    for (const keyId of [
      'a1:b2:c3:d4:e5:f6:a7:b8:c9:d0:e1:f2:a3:b4:c5:d6',
      'MD5:a1:b2:c3:d4:e5:f6:a7:b8:c9:d0:e1:f2:a3:b4:c5:d6',
      'SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU',
      '/bob/keys/a1:b2:c3:d4:e5:f6:a7:b8:c9:d0:e1:f2:a3:b4:c5:d6',
    ]) {
      const run = await edit(
        'smartdc.url=https://cloudapi.example',
        'smartdc.account=bob',
        `smartdc.keyId=${keyId}`,
      );
      expect(run.code, `${keyId}: ${run.stderr}`).toBe(0);
    }
  });

  it('names profile keys, never environment variables or flags, for a missing or lone setting', async () => {
    expect((await runNimbus(['profile', 'create', 'fresh'], home.env)).code).toBe(0);
    const missing = await editProfile('fresh', 'smartdc.url=https://cloudapi.example');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('smartdc.account required');
    expect(missing.stderr).not.toMatch(ENV_NAME);
    expect(missing.stderr).not.toMatch(/--account|--key-id/);
    const lone = await editProfile('fresh', 'dci.url=https://dci.example', 'dci.apiSecret=s3cret-value');
    expect(lone.code).toBe(2);
    expect(lone.stderr).toContain('dci.clientId');
    expect(lone.stderr).not.toMatch(ENV_NAME);
    expect(lone.stderr).not.toContain('s3cret-value');
  });

  it('checks a key id from the environment the same way (exit 2, naming the variable)', async () => {
    const run = await runNimbus(['smartdc', 'machine', 'list'], {
      ...home.env,
      TRITON_URL: 'https://cloudapi.example',
      TRITON_ACCOUNT: 'bob',
      TRITON_KEY_ID: 'garbage',
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/keyId must be/);
    expect(run.stderr).toContain('TRITON_KEY_ID');
  });
});
