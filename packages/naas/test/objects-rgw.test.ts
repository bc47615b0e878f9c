import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localS3FromEnv } from '@nimbus-sdk/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NaasEmulator, startNaasEmulator } from '../src/emulator/index.js';
import { createNaasClient, type NaasClient } from '../src/index.js';
import { rejection } from './fixture.js';

const s3 = localS3FromEnv();
const md5 = (bytes: Buffer) => createHash('md5').update(bytes).digest('hex');

describe.skipIf(!s3)('put-object and get-object through the real RGW', () => {
  let emulator: NaasEmulator;
  let dir: string;
  let client: NaasClient;
  const ws = () => emulator.seed.workspaceId;
  const storage = 'default-storage';

  beforeAll(async () => {
    if (!s3) return;
    const bucket = `naas-${randomBytes(4).toString('hex')}`;
    emulator = await startNaasEmulator({
      s3: { ...s3, bucket },
      // Sessions live 30 s: inside the one-minute margin, so every transfer renews them.
      behaviour: { credentialsTtlSeconds: 30 },
    });
    dir = await mkdtemp(join(tmpdir(), 'naas-rgw-'));
    client = createNaasClient({
      url: emulator.url,
      token: emulator.seed.token,
      env: {},
      credentialsFile: join(dir, '.naas', 'credentials'),
      s3: { endpoint: s3.endpoint },
    });
  });
  afterAll(async () => {
    await emulator?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('single PutObject: lands under <ws>/<storage>/, lists, reads back byte for byte', async () => {
    const bytes = randomBytes(300_000);
    const source = join(dir, 'report.csv');
    await writeFile(source, bytes);
    const put = await client.putObject({
      workspaceId: ws(),
      storageName: storage,
      source,
      destination: 'data/',
    });
    expect(put).toMatchObject({
      object: 'data/report.csv',
      key: `${ws()}/${storage}/data/report.csv`,
      parts: 0,
      contentType: 'text/csv',
    });
    expect(put.etag).toBe(md5(bytes));
    const listed = await client.storage.listObjects(ws(), storage, 'data');
    expect(listed.map((o) => [o.name, o.type, o.size])).toEqual([
      ['report.csv', 'file', String(bytes.length)],
    ]);
    const got = await client.getObject({
      workspaceId: ws(),
      storageName: storage,
      source: 'data/report.csv',
      destination: join(dir, 'out/'),
    });
    expect(got.path).toBe(join(dir, 'out', 'report.csv'));
    expect(md5(await readFile(got.path))).toBe(md5(bytes));
  });

  it('multipart upload (3 parts) reads back byte for byte, on renewed session credentials', async () => {
    const before = emulator.state.credentialsIssued;
    const bytes = randomBytes(12 * 1024 * 1024 + 123);
    const source = join(dir, 'big.bin');
    await writeFile(source, bytes);
    const put = await client.putObject(
      { workspaceId: ws(), storageName: storage, source, destination: 'blobs/big.bin' },
      { partSize: 5 * 1024 * 1024 },
    );
    expect(put.parts).toBe(3);
    expect(put.contentType).toBe('application/octet-stream');
    const target = join(dir, 'big.copy');
    await client.getObject({
      workspaceId: ws(),
      storageName: storage,
      source: 'blobs/big.bin',
      destination: target,
    });
    expect(md5(await readFile(target))).toBe(md5(bytes));
    // Each transfer found its 30-second session inside the refresh margin and asked for a new one.
    expect(emulator.state.credentialsIssued - before).toBe(2);
  });

  it('deletes through the API and a missing object is NOT_FOUND on download', async () => {
    const source = join(dir, 'gone.txt');
    await writeFile(source, 'bye');
    await client.putObject({ workspaceId: ws(), storageName: storage, source, destination: '.' });
    await client.storage.deleteObject(ws(), storage, 'gone.txt');
    const error = await rejection(
      client.getObject({
        workspaceId: ws(),
        storageName: storage,
        source: 'gone.txt',
        destination: join(dir, 'g'),
      }),
    );
    expect(error.code).toBe('NOT_FOUND');
    expect(process.env.AWS_ACCESS_KEY_ID).toBeUndefined();
  });
});
