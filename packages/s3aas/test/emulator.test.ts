import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type S3aasEmulator, startS3aasEmulator } from '../src/emulator/index.js';
import { createS3aasClient } from '../src/index.js';

let emulator: S3aasEmulator;
beforeAll(async () => {
  emulator = await startS3aasEmulator({ delays: { provisioningMs: 60_000, activationMs: 60_000 } });
});
beforeEach(() => emulator.reset());
afterAll(() => emulator.close());

async function token(
  username: string,
  password: string,
  scope = 'project:4d657461-0000-0000-0000-000000000002',
) {
  const response = await fetch(`${emulator.url}/v1/iam/clients/default/actions/get_token/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', username, password, scope }),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

async function call(method: string, path: string, bearer?: string, body?: unknown) {
  const response = await fetch(`${emulator.url}${path}`, {
    method,
    headers: {
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? (JSON.parse(text) as unknown) : undefined,
  };
}

const instanceBody = () => ({
  name: 's3-data',
  cpu: 1,
  ram: 1024,
  disk_size: 10,
  nodes_number: 1,
  version: `/v1/types/s3/versions/${emulator.seed.versionId}`,
});

describe('the emulator answers as the server code does', () => {
  it('serves the route lists: /v1/ and /v1/types/s3/ without a token, /v1/types/ only with one', async () => {
    expect((await call('GET', '/v1/')).status).toBe(200);
    expect(await call('GET', '/v1/types/s3/')).toMatchObject({
      status: 200,
      body: ['versions', 'instances'],
    });
    expect((await call('GET', '/v1/types/')).status).toBe(403);
  });

  it('answers a create with 201, a Location header and the object; a delete with 204 and no body', async () => {
    const alice = await token('alice', 'alice-password');
    const created = await call('POST', '/v1/types/s3/instances/', alice, instanceBody());
    const id = (created.body as { uuid: string }).uuid;
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/v1/types/s3/instances/${id}`);
    expect(created.body).toMatchObject({ status: 'NEW', ipsv4: [], description: '' });
    const deleted = await call('DELETE', `/v1/types/s3/instances/${id}`, alice);
    expect(deleted).toMatchObject({ status: 204, body: undefined });
  });

  it('answers restalchemy errors: ParseError, PropertyRequired, TypeError, 405 on POST to a resource', async () => {
    const alice = await token('alice', 'alice-password');
    expect(await call('GET', '/v1/types/s3/instances/not-a-uuid', alice)).toMatchObject({
      status: 400,
      body: { type: 'ParseError', code: 400 },
    });
    const { cpu: _cpu, ...noCpu } = instanceBody();
    expect(await call('POST', '/v1/types/s3/instances/', alice, noCpu)).toMatchObject({
      status: 400,
      body: { type: 'PropertyRequired' },
    });
    expect(await call('POST', '/v1/types/s3/instances/', alice, { ...instanceBody(), cpu: 0 })).toMatchObject(
      {
        status: 400,
        body: { type: 'TypeError' },
      },
    );
    expect(
      await call('POST', '/v1/types/s3/instances/', alice, { ...instanceBody(), kind: 'single_node' }),
    ).toMatchObject({
      status: 403,
      body: { type: 'FieldPermissionError', message: 'Permission denied for field kind.' },
    });
    const id = (
      (await call('POST', '/v1/types/s3/instances/', alice, instanceBody())).body as { uuid: string }
    ).uuid;
    expect(await call('POST', `/v1/types/s3/instances/${id}`, alice, {})).toMatchObject({
      status: 405,
      body: { type: 'UnsupportedHttpMethod' },
    });
    expect(await call('GET', `/v1/types/s3/instances/${crypto.randomUUID()}`, alice)).toMatchObject({
      status: 404,
      body: { type: 'RecordNotFound', code: 404 },
    });
  });

  it('puts a nameless instance row, root secret included, in its 500 message as the snapshot does', async () => {
    const alice = await token('alice', 'alice-password');
    const { name: _name, ...nameless } = instanceBody();
    const answer = await call('POST', '/v1/types/s3/instances/', alice, nameless);
    expect(answer).toMatchObject({ status: 500, body: { type: 'UnknownStorageException', code: 10000001 } });
    expect((answer.body as { message: string }).message).toMatch(/Failing row contains .*[0-9a-f]{48}/);
  });

  it('scopes instances to the token project: other projects are 404 and a foreign project_id is 403', async () => {
    const alice = await token('alice', 'alice-password');
    const admin = await token('admin', 'admin-password', '');
    const own = await call('POST', '/v1/types/s3/instances/', admin, {
      ...instanceBody(),
      project_id: crypto.randomUUID(),
    });
    expect(own.status).toBe(201);
    const id = (own.body as { uuid: string }).uuid;
    expect((await call('GET', `/v1/types/s3/instances/${id}`, alice)).status).toBe(404);
    expect((await call('GET', `/v1/types/s3/instances/${id}`, admin)).status).toBe(200);
    expect(
      await call('POST', '/v1/types/s3/instances/', alice, {
        ...instanceBody(),
        project_id: crypto.randomUUID(),
      }),
    ).toMatchObject({
      status: 403,
      body: { type: 'Forbidden', code: 10000001 },
    });
    const unscoped = await token('alice', 'alice-password', '');
    expect(await call('GET', '/v1/types/s3/instances/', unscoped)).toMatchObject({
      status: 403,
      body: { type: 'PolicyNotAuthorized' },
    });
  });

  it('needs instance in the body of a key create and refuses a secret on update', async () => {
    const alice = await token('alice', 'alice-password');
    const instance = (
      (await call('POST', '/v1/types/s3/instances/', alice, instanceBody())).body as { uuid: string }
    ).uuid;
    const user = (
      (await call('POST', `/v1/types/s3/instances/${instance}/users/`, alice, { name: 'u' })).body as {
        uuid: string;
      }
    ).uuid;
    const keys = `/v1/types/s3/instances/${instance}/users/${user}/keys/`;
    expect(await call('POST', keys, alice, {})).toMatchObject({
      status: 400,
      body: { type: 'PropertyRequired' },
    });
    const created = await call('POST', keys, alice, {
      instance: `/v1/types/s3/instances/${instance}`,
      secret_key: 'my-own-secret-1',
    });
    expect(created.body).toMatchObject({
      secret_key: 'my-own-secret-1',
      user: `/v1/types/s3/instances/${instance}/users/${user}`,
    });
    const key = (created.body as { uuid: string }).uuid;
    expect(await call('PUT', `${keys}${key}`, alice, { secret_key: 'another-secret-2' })).toMatchObject({
      status: 403,
      body: { type: 'FieldPermissionError' },
    });
    expect((await call('GET', `${keys}${key}`, alice)).body).not.toHaveProperty('secret_key');
  });

  it('injects HTTP faults that the SDK retries', async () => {
    const client = createS3aasClient({
      url: emulator.url,
      iam: { url: emulator.url, username: 'alice', password: 'alice-password' },
      retry: { limit: 2, baseDelayMs: 1, maxDelayMs: 5 },
    });
    await client.versions.list().toArray();
    emulator.faults.failNext(1, 503);
    expect((await client.versions.list().toArray()).map((v) => v.name)).toEqual(['rustfs_1']);
  });
});
