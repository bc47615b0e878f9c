import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { localS3FromEnv } from '@nimbus-sdk/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedEnv } from '../../../test-support/isolated-env.js';
import { runNodeScript } from '../../../test-support/run-cli.js';
import { type NaasEmulator, startNaasEmulator } from '../src/emulator/index.js';

const s3 = localS3FromEnv();
const runner = fileURLToPath(new URL('./fixtures/run-naas.mjs', import.meta.url));
const md5 = (bytes: Buffer) => createHash('md5').update(bytes).digest('hex');

describe.skipIf(!s3)('nimbus naas storage put-object / get-object against the real RGW', () => {
  let emulator: NaasEmulator;
  let home: string;
  beforeAll(async () => {
    if (!s3) return;
    emulator = await startNaasEmulator({
      s3: { ...s3, bucket: `naas-cli-${randomBytes(3).toString('hex')}` },
    });
    home = await mkdtemp(join(tmpdir(), 'nimbus-naas-rgw-'));
  });
  afterAll(async () => {
    await emulator?.close();
    if (home) await rm(home, { recursive: true, force: true });
  });
  const naas = (args: string[]) =>
    runNodeScript(runner, ['naas', ...args], {
      ...isolatedEnv(home),
      NAAS_PYTHON_API_BASE_URL: emulator.url,
      NAAS_CREDENTIALS_JWT_TOKEN: emulator.seed.token,
      AWS_ENDPOINT_URL_S3: s3?.endpoint,
    });

  it("takes naas-python's short options -w, -s, -p (prefix) and -o (object)", async () => {
    const ws = emulator.seed.workspaceId;
    const source = join(home, 'short.txt');
    await writeFile(source, 'short flags\n');
    const short = ['-w', ws, '-s', 'default-storage'];
    const put = await naas(['storage', 'put-object', ...short, '--src', source, '--dst', 'short/']);
    expect(put.code, put.stderr).toBe(0);
    const listed = await naas(['storage', 'list-object', ...short, '-p', 'short', '-j']);
    expect(listed.code, listed.stderr).toBe(0);
    expect(JSON.parse(listed.stdout)).toMatchObject([{ name: 'short.txt', type: 'file' }]);
    const deleted = await naas(['storage', 'delete-object', ...short, '-o', 'short/short.txt']);
    expect(deleted.code, deleted.stderr).toBe(0);
    expect(
      JSON.parse((await naas(['storage', 'list-object', ...short, '-p', 'short', '-j'])).stdout),
    ).toEqual([]);
  });

  it('uploads (--source/--destination), lists, downloads (--src/--dst) and deletes', async () => {
    const ws = emulator.seed.workspaceId;
    const bytes = randomBytes(9 * 1024 * 1024);
    const source = join(home, 'model.bin');
    await writeFile(source, bytes);
    const put = await naas([
      'storage',
      'put-object',
      '--workspace',
      ws,
      '--storage',
      'default-storage',
      '--source',
      source,
      '--destination',
      'models/',
      '--json',
    ]);
    expect(put.code).toBe(0);
    expect(JSON.parse(put.stdout)).toMatchObject({
      object: 'models/model.bin',
      size: bytes.length,
      parts: 2,
    });
    const listed = await naas([
      'storage',
      'list-object',
      '--workspace-id',
      ws,
      '--storage',
      'default-storage',
      '--prefix',
      'models',
      '--json',
    ]);
    expect(JSON.parse(listed.stdout)).toMatchObject([
      { name: 'model.bin', type: 'file', size: String(bytes.length) },
    ]);
    const target = join(home, 'back.bin');
    const got = await naas([
      'storage',
      'get-object',
      '-w',
      ws,
      '--storage',
      'default-storage',
      '--src',
      'models/model.bin',
      '--dst',
      target,
    ]);
    expect(got.code).toBe(0);
    expect(got.stdout).toContain('Object downloaded');
    expect(md5(await readFile(target))).toBe(md5(bytes));
    // --target as every nimbus download takes it; - streams the object to stdout.
    const note = join(home, 'note.txt');
    await writeFile(note, 'read me on stdout\n');
    const storage = ['-w', ws, '--storage', 'default-storage'];
    expect(
      (await naas(['storage', 'put-object', ...storage, '--source', note, '--destination', 'notes/'])).code,
    ).toBe(0);
    const dashed = await naas([
      'storage',
      'get-object',
      ...storage,
      '--src',
      'notes/note.txt',
      '--target',
      '-',
    ]);
    expect(dashed.code).toBe(0);
    expect(dashed.stdout).toBe('read me on stdout\n');
    expect(
      (
        await naas([
          'storage',
          'delete-object',
          '-w',
          ws,
          '--storage',
          'default-storage',
          '--object',
          'models/model.bin',
        ])
      ).stdout,
    ).toContain('Object deleted.');
    const again = await naas([
      'storage',
      'get-object',
      '-w',
      ws,
      '--storage',
      'default-storage',
      '--src',
      'models/model.bin',
      '--dst',
      target,
      '--json',
    ]);
    expect(again.code).toBe(4);
  });
});
