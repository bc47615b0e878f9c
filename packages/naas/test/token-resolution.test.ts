import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNaasClient, resolveNaasToken, saveStorageCredentials } from '../src/index.js';
import { rejection, useNaasEmulator } from './fixture.js';

describe('token resolution order (flag > NAAS_CREDENTIALS_JWT_TOKEN > JUPYTERHUB_API_TOKEN > file > profile)', () => {
  const naas = useNaasEmulator();
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'naas-token-'));
    file = join(dir, '.naas', 'credentials');
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const base = () => ({ authUrl: naas.emulator.authUrl, credentialsFile: file });

  it('an explicit token wins over every other source', async () => {
    await saveStorageCredentials(file, 'ws', 's', {} as never);
    const resolved = await resolveNaasToken({
      ...base(),
      token: 'flag',
      env: { NAAS_CREDENTIALS_JWT_TOKEN: 'env', JUPYTERHUB_API_TOKEN: 'hub' },
      profileToken: 'profile',
    });
    expect(resolved).toEqual({ token: 'flag', source: 'option' });
  });

  it('NAAS_CREDENTIALS_JWT_TOKEN beats JupyterHub, the file and the profile', async () => {
    const resolved = await resolveNaasToken({
      ...base(),
      env: { NAAS_CREDENTIALS_JWT_TOKEN: 'env', JUPYTERHUB_API_TOKEN: 'hub' },
      profileToken: 'profile',
    });
    expect(resolved.source).toBe('NAAS_CREDENTIALS_JWT_TOKEN');
  });

  it('JUPYTERHUB_API_TOKEN is traded once, saved merged (0600) and reused while it is unchanged', async () => {
    await writeFile(join(await mkdtemp(join(dir, 'x')), 'unused'), '');
    await saveStorageCredentials(file, 'ws-1', 'keep-me', {
      REGION_NAME: 'r',
      AWS_ACCESS_KEY_ID: 'A',
      AWS_SECRET_ACCESS_KEY: 'S',
      AWS_SESSION_TOKEN: 'T',
      AWS_SESSION_EXPIRATION_TOKEN: '2030-01-01 00:00:00+00:00',
    });
    const env = { JUPYTERHUB_API_TOKEN: naas.emulator.seed.jupyterhubToken };
    const first = await resolveNaasToken({ ...base(), env });
    expect(first).toEqual({ token: naas.emulator.seed.token, source: 'JUPYTERHUB_API_TOKEN' });
    const saved = JSON.parse(await readFile(file, 'utf8'));
    expect(saved.jwt_token).toBe(naas.emulator.seed.token);
    expect(saved.storage['ws-1']['keep-me'].s3.AWS_ACCESS_KEY_ID).toBe('A');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    // The trade endpoint no longer knows the token: a second resolution must not call it.
    naas.emulator.state.tradeCodes.clear();
    expect((await resolveNaasToken({ ...base(), env })).token).toBe(naas.emulator.seed.token);
    // A different JupyterHub token is traded again (and fails here with a clear error).
    const error = await rejection(resolveNaasToken({ ...base(), env: { JUPYTERHUB_API_TOKEN: 'other' } }));
    expect(error.code).toBe('AUTHENTICATION');
    expect(error.message).toContain('Token trade failed');
    expect(error.message).not.toContain('other');
  });

  it('the credentials file jwt_token beats the profile; the profile is the last resort', async () => {
    expect(await resolveNaasToken({ ...base(), env: {}, profileToken: 'profile' })).toEqual({
      token: 'profile',
      source: 'profile',
    });
    await writeFile(join(dir, 'creds.json'), JSON.stringify({ jwt_token: 'from-file' }));
    expect(
      await resolveNaasToken({
        ...base(),
        credentialsFile: join(dir, 'creds.json'),
        env: {},
        profileToken: 'p',
      }),
    ).toEqual({ token: 'from-file', source: 'credentials-file' });
  });

  it('no token anywhere is a ConfigError that says how to log in', async () => {
    const error = await rejection(resolveNaasToken({ ...base(), env: {} }));
    expect(error.code).toBe('CONFIG');
    expect(error.message).toContain('nimbus naas login');
  });

  it('a client resolves the token once for all its domains', async () => {
    const env = { JUPYTERHUB_API_TOKEN: naas.emulator.seed.jupyterhubToken };
    const client = createNaasClient({ url: naas.emulator.url, ...base(), env });
    const [spaces, registries, secrets] = await Promise.all([
      client.spaces.list().toArray(),
      client.registries.list().toArray(),
      client.secrets.list().toArray(),
    ]);
    expect([spaces, registries, secrets]).toEqual([[], [], []]);
    // The JupyterHub token can still be traded, but the stored hash shows exactly one trade happened.
    const saved = JSON.parse(await readFile(file, 'utf8'));
    expect(saved.jupyterhub_token_sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('honours NAAS_PYTHON_API_BASE_URL', async () => {
    const client = createNaasClient({
      env: {
        NAAS_PYTHON_API_BASE_URL: naas.emulator.url,
        NAAS_CREDENTIALS_JWT_TOKEN: naas.emulator.seed.token,
      },
      credentialsFile: file,
    });
    expect(client.settings.url).toBe(naas.emulator.url);
    expect(await client.spaces.list().toArray()).toEqual([]);
  });
});
