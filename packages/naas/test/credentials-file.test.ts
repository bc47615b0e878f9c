import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  defaultCredentialsPath,
  readNaasCredentials,
  type StoredS3Credentials,
  saveJwtToken,
  saveStorageCredentials,
} from '../src/index.js';
import { rejection } from './fixture.js';

const s3 = (key: string): StoredS3Credentials => ({
  REGION_NAME: 'eu-west-3',
  AWS_ACCESS_KEY_ID: key,
  AWS_SECRET_ACCESS_KEY: `secret-${key}`,
  AWS_SESSION_TOKEN: 'token',
  AWS_SESSION_EXPIRATION_TOKEN: '2030-01-01 00:00:00+00:00',
});

describe('~/.naas/credentials', () => {
  let home: string;
  let file: string;
  beforeEach(async () => {
    home = await mkdtemp(join(tmpdir(), 'naas-creds-'));
    file = join(home, '.naas', 'credentials');
  });
  afterEach(() => rm(home, { recursive: true, force: true }));

  it('creates the directory 0700 and the file 0600, even over a loose existing file', async () => {
    await mkdir(join(home, '.naas'), { mode: 0o755 });
    await writeFile(file, JSON.stringify({ jwt_token: 'old' }), { mode: 0o644 });
    await chmod(file, 0o644);
    await saveJwtToken(file, 'new-jwt');
    expect((await stat(join(home, '.naas'))).mode & 0o777).toBe(0o700);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readNaasCredentials(file)).toEqual({ jwt_token: 'new-jwt' });
  });

  it('merges: saving one storage keeps the JWT, other storages of the workspace and unknown keys', async () => {
    await mkdir(join(home, '.naas'), { recursive: true });
    await writeFile(file, JSON.stringify({ jwt_token: 'jwt', other_tool: { keep: true } }));
    await saveStorageCredentials(file, 'ws', 'one', s3('A'));
    await saveStorageCredentials(file, 'ws', 'two', s3('B'));
    await saveStorageCredentials(file, 'ws-2', 'three', s3('C'));
    await saveJwtToken(file, 'jwt-2');
    const document = JSON.parse(await readFile(file, 'utf8'));
    expect(document.jwt_token).toBe('jwt-2');
    expect(document.other_tool).toEqual({ keep: true });
    expect(Object.keys(document.storage.ws)).toEqual(['one', 'two']);
    expect(document.storage.ws.one.s3.AWS_ACCESS_KEY_ID).toBe('A');
    expect(document.storage['ws-2'].three.s3.AWS_ACCESS_KEY_ID).toBe('C');
  });

  it('concurrent saves in one process lose nothing', async () => {
    await Promise.all(
      Array.from({ length: 12 }, (_, i) => saveStorageCredentials(file, 'ws', `s${i}`, s3(String(i)))),
    );
    const document = await readNaasCredentials(file);
    expect(Object.keys(document?.storage?.ws ?? {}).sort()).toHaveLength(12);
  });

  it('writes atomically: no temp file is left and a reader never sees a partial file', async () => {
    await saveJwtToken(file, 'a'.repeat(10_000));
    const writes = Array.from({ length: 20 }, (_, i) => saveJwtToken(file, String(i).repeat(5_000)));
    const reads: unknown[] = [];
    for (let i = 0; i < 20; i++) reads.push(await readNaasCredentials(file));
    await Promise.all(writes);
    for (const read of reads) expect(typeof (read as { jwt_token?: unknown }).jwt_token).toBe('string');
    expect((await readdir(join(home, '.naas'))).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('a file that is not JSON is a clear error and is left untouched', async () => {
    await mkdir(join(home, '.naas'), { recursive: true });
    await writeFile(file, '{not json');
    const error = await rejection(saveJwtToken(file, 'x'));
    expect(error.message).toContain('not valid JSON');
    expect(await readFile(file, 'utf8')).toBe('{not json');
  });
});

describe('defaultCredentialsPath', () => {
  it('is under $HOME as the process sees it, so a tool or test that moves HOME never writes the real ~/.naas', () => {
    const saved = process.env.HOME;
    process.env.HOME = '/tmp/naas-home-check';
    try {
      expect(defaultCredentialsPath()).toBe('/tmp/naas-home-check/.naas/credentials');
    } finally {
      process.env.HOME = saved;
    }
  });
});
