import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTransport, hmacV4, NotFoundError, waitFor } from '@nimbus-sdk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { S3aasEmulator } from '../src/emulator/index.js';
import type { S3aasClient } from '../src/index.js';
import { clientFor, instanceInput, rgw, startEmulator } from './fixture.js';

/** Raw SigV4 S3 calls with one key, to see what RGW itself answers. */
function s3With(endpoint: string, key: { access_key: string; secret_key: string }) {
  const transport = createTransport({
    baseUrl: endpoint,
    retry: false,
    auth: hmacV4({
      accessKeyId: key.access_key,
      secretAccessKey: key.secret_key,
      region: 'us-east-1',
      service: 's3',
      pathMode: 's3',
      contentSha256Header: true,
    }),
  });
  const call = async (method: 'GET' | 'PUT', path: string, bytes?: string) => {
    const response = await transport.send<string>({
      method,
      path,
      body: bytes === undefined ? undefined : { bytes },
      responseType: 'text',
      acceptStatus: [403, 404],
    });
    return {
      status: response.status,
      body: response.data,
      code: /<Code>([^<]+)<\/Code>/.exec(response.data)?.[1],
    };
  };
  return {
    put: (path: string, bytes: string) => call('PUT', path, bytes),
    get: (path: string) => call('GET', path),
  };
}

const fast = { minDelayMs: 20, maxDelayMs: 50, timeoutMs: 20_000 };
const unique = () => Math.random().toString(36).slice(2, 8);

describe.skipIf(!rgw)('data plane on a real RGW', () => {
  let emulator: S3aasEmulator;
  let client: S3aasClient;
  let instanceId: string;
  let bucketName: string;
  let policyId: string;
  beforeAll(async () => {
    emulator = await startEmulator();
    client = clientFor(emulator);
    const created = await client.createInstance(
      { ...instanceInput(emulator), bucketName: `dp-${unique()}`, versioning: true },
      { wait: fast },
    );
    instanceId = created.instance.uuid;
    bucketName = created.bucket?.name as string;
    const policy = await client.policies.create(instanceId, {
      name: 'rw-one-bucket',
      content: {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: ['s3:*'],
            Resource: [`arn:aws:s3:::${bucketName}`, `arn:aws:s3:::${bucketName}/*`],
          },
        ],
      },
    });
    policyId = policy.uuid;
  });
  afterAll(async () => {
    await emulator?.close();
    expect(emulator?.dataPlaneErrors ?? []).toEqual([]);
  });

  it('instance → bucket → policy → user → attachment → key: the key puts and gets objects on RGW', async () => {
    const user = await client.users.create(instanceId, { name: 'writer' });
    await client.policyAttachments.create(instanceId, user.uuid, { policy: policyId });
    const key = await client.accessKeys.create(instanceId, user.uuid);
    const credentials = { accessKeyId: key.access_key, secretAccessKey: key.secret_key };
    // The data plane follows after the sync delay: the waiter probes until the key authenticates.
    await client.waitForAccessKey(instanceId, credentials, fast);
    await client.waitForBucket(instanceId, bucketName, credentials, fast);
    const objects = await client.objects(instanceId, credentials);
    const file = join(await mkdtemp(join(tmpdir(), 's3aas-dp-')), 'hello.txt');
    await writeFile(file, 'hello s3aas');
    const put = await objects.putFile(bucketName, 'docs/hello.txt', file);
    expect(put).toMatchObject({ size: 11, md5: createHash('md5').update('hello s3aas').digest('hex') });
    expect(Buffer.from(await objects.get(bucketName, 'docs/hello.txt')).toString()).toBe('hello s3aas');
    expect((await objects.list(bucketName, { prefix: 'docs/' }).toArray()).map((o) => o.key)).toEqual([
      'docs/hello.txt',
    ]);
    const copy = join(file, '..', 'copy.txt');
    expect(await objects.download(bucketName, 'docs/hello.txt', copy)).toEqual({ size: 11 });
    expect(await readFile(copy, 'utf8')).toBe('hello s3aas');
    await expect(
      objects.download(bucketName, 'docs/missing.txt', join(file, '..', 'missing.txt')),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(existsSync(join(file, '..', 'missing.txt.part'))).toBe(false);
    expect(existsSync(join(file, '..', 'missing.txt'))).toBe(false);
    await objects.delete(bucketName, 'docs/hello.txt');
    await expect(objects.get(bucketName, 'docs/hello.txt')).rejects.toBeInstanceOf(NotFoundError);
    const s3 = s3With(await client.dataPlaneEndpoint(instanceId), key);
    const versioning = await s3.get(`/${bucketName}?versioning`);
    expect(versioning.body).toContain('<Status>Enabled</Status>');
  });

  it('denies a key whose user has no policy, and a key stops working once deleted', async () => {
    const user = await client.users.create(instanceId, { name: 'nobody' });
    const key = await client.accessKeys.create(instanceId, user.uuid);
    const credentials = { accessKeyId: key.access_key, secretAccessKey: key.secret_key };
    await client.waitForAccessKey(instanceId, credentials, fast);
    const s3 = s3With(await client.dataPlaneEndpoint(instanceId), key);
    expect(await s3.put(`/${bucketName}/denied.txt`, 'x')).toMatchObject({
      status: 403,
      code: 'AccessDenied',
    });
    await client.accessKeys.delete(instanceId, user.uuid, key.uuid);
    const gone = await waitFor(async () => {
      const answer = await s3.get(`/${bucketName}/denied.txt`);
      return answer.code === 'InvalidAccessKeyId'
        ? { status: 'done' as const, value: answer }
        : { status: 'pending' as const, state: answer.code ?? String(answer.status) };
    }, fast);
    expect(gone.status).toBe(403);
  });

  it('policy content changes and detaching reach the key on RGW; a public bucket serves anonymous reads', async () => {
    const user = await client.users.create(instanceId, { name: 'temporary' });
    const attachment = await client.policyAttachments.create(instanceId, user.uuid, { policy: policyId });
    const key = await client.accessKeys.create(instanceId, user.uuid);
    await client.waitForAccessKey(
      instanceId,
      { accessKeyId: key.access_key, secretAccessKey: key.secret_key },
      fast,
    );
    const s3 = s3With(await client.dataPlaneEndpoint(instanceId), key);
    await waitFor(async () => {
      const answer = await s3.put(`/${bucketName}/public.txt`, 'for everyone');
      return answer.status === 200
        ? { status: 'done' as const, value: 1 }
        : { status: 'pending' as const, state: answer.code };
    }, fast);
    // New policy content reaches the keys of every attached user: point it at another bucket.
    await client.policies.update(instanceId, policyId, {
      content: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: ['s3:*'], Resource: ['arn:aws:s3:::elsewhere/*'] }],
      },
    });
    await emulator.dataPlaneIdle();
    expect(await s3.put(`/${bucketName}/after-update.txt`, 'x')).toMatchObject({
      status: 403,
      code: 'AccessDenied',
    });
    await client.policies.update(instanceId, policyId, {
      content: {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: ['s3:*'],
            Resource: [`arn:aws:s3:::${bucketName}`, `arn:aws:s3:::${bucketName}/*`],
          },
        ],
      },
    });
    await emulator.dataPlaneIdle();
    expect((await s3.put(`/${bucketName}/after-restore.txt`, 'x')).status).toBe(200);
    await client.policyAttachments.delete(instanceId, user.uuid, attachment.uuid);
    await emulator.dataPlaneIdle();
    expect(await s3.put(`/${bucketName}/after-detach.txt`, 'x')).toMatchObject({
      status: 403,
      code: 'AccessDenied',
    });
    const buckets = await client.buckets.list(instanceId, { where: { name: bucketName } }).toArray();
    await client.buckets.update(instanceId, buckets[0]?.uuid as string, { public: true });
    await emulator.dataPlaneIdle();
    const anonymous = await fetch(`${await client.dataPlaneEndpoint(instanceId)}/${bucketName}/public.txt`);
    expect(anonymous.status).toBe(200);
    expect(await anonymous.text()).toBe('for everyone');
  });
});
