import {
  BadRequestError,
  ConflictError,
  NotFoundError,
  PermissionError,
  ServerError,
  ValidationError,
  WaitFailureError,
} from '@nimbus-sdk/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { S3aasEmulator } from '../src/emulator/index.js';
import { idOfPath, s3aasErrorType } from '../src/index.js';
import { failureOf } from './expect-failure.js';
import { clientFor, instanceInput, startEmulator } from './fixture.js';

let emulator: S3aasEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ rgw: undefined });
});
beforeEach(() => emulator.reset());
afterAll(() => emulator.close());

const fast = { minDelayMs: 20, maxDelayMs: 50, timeoutMs: 10_000 };

describe('instances', () => {
  it('creates with 201 and a Location, sends the version as a path, and walks NEW → IN_PROGRESS → ACTIVE', async () => {
    const client = clientFor(emulator);
    const created = await client.instances.create(instanceInput(emulator));
    expect(created).toMatchObject({ status: 'NEW', ipsv4: [], nodes_number: 1, kind: 'single_node' });
    expect(created.version).toBe(`/v1/types/s3/versions/${emulator.seed.versionId}`);
    expect(created.project_id).toBe('4d657461-0000-0000-0000-000000000002');
    expect(created).not.toHaveProperty('root_secret');
    expect(created.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    const seen: string[] = [];
    const active = await client.waitForInstance(created.uuid, 'ACTIVE', {
      ...fast,
      onProgress: ({ state }) => seen.push(state),
    });
    expect(active?.status).toBe('ACTIVE');
    expect(active?.ipsv4).toEqual(['127.0.0.1']);
    expect(seen.length).toBeGreaterThan(0);
    expect(emulator.requests).toContain('POST /v1/types/s3/instances/');
  });

  it('fails the wait on ERROR and ends a delete wait on 404', async () => {
    const client = clientFor(emulator);
    const created = await client.instances.create(instanceInput(emulator));
    emulator.setInstanceStatus(created.uuid, 'ERROR');
    await expect(client.waitForInstance(created.uuid, 'ACTIVE', fast)).rejects.toBeInstanceOf(
      WaitFailureError,
    );
    await client.instances.delete(created.uuid);
    await expect(client.waitForInstance(created.uuid, 'DELETED', fast)).resolves.toBeUndefined();
    await expect(client.instances.get(created.uuid)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('updates with PUT and a partial body, never PATCH (which the server refuses with 405)', async () => {
    const client = clientFor(emulator);
    const created = await client.instances.create(instanceInput(emulator));
    const updated = await client.instances.update(created.uuid, { description: 'grown', disk_size: 20 });
    expect(updated).toMatchObject({ description: 'grown', disk_size: 20, cpu: 1, name: 's3-data' });
    expect(emulator.requests.filter((line) => line.startsWith('PATCH'))).toEqual([]);
    expect(emulator.requests).toContain(`PUT /v1/types/s3/instances/${created.uuid}`);
    const patch = await failureOf(
      client.transport.send({
        method: 'PATCH',
        path: `/v1/types/s3/instances/${created.uuid}`,
        body: { json: { description: 'x' } },
      }),
    );
    expect(patch).toBeInstanceOf(BadRequestError);
    expect((patch as BadRequestError).status).toBe(405);
    expect(s3aasErrorType(patch)).toBe('UnsupportedHttpMethod');
  });

  it('answers 405 to a collection URL without its trailing slash', async () => {
    const client = clientFor(emulator);
    const error = await failureOf(client.transport.send({ method: 'GET', path: '/v1/types/s3/instances' }));
    expect((error as BadRequestError).status).toBe(405);
  });

  it('surfaces field-rule errors with the server message', async () => {
    const client = clientFor(emulator);
    const created = await client.instances.create(instanceInput(emulator));
    const put = (json: unknown) =>
      failureOf(
        client.transport.send({
          method: 'PUT',
          path: `/v1/types/s3/instances/${created.uuid}`,
          body: { json },
        }),
      );
    const readOnly = await put({ status: 'ACTIVE' });
    expect(readOnly).toBeInstanceOf(PermissionError);
    expect(readOnly.message).toContain('FieldPermissionError: Permission denied for field status.');
    const unknown = await put({ bucket_name: 'seed-field' });
    expect(unknown).toBeInstanceOf(BadRequestError);
    expect(s3aasErrorType(unknown)).toBe('ValidationPropertyIncompatibleError');
    const modelReadOnly = await put({ project_id: '4d657461-0000-0000-0000-000000000001' });
    expect(modelReadOnly).toBeInstanceOf(BadRequestError);
    expect(s3aasErrorType(modelReadOnly)).toBe('ReadOnlyProperty');
    const wrongUuid = await put({ uuid: '11111111-1111-1111-1111-111111111111' });
    expect(s3aasErrorType(wrongUuid)).toBe('NotEqualUuidException');
    const shrink = await failureOf<Error>(client.instances.update(created.uuid, { disk_size: 8 }));
    expect(shrink).toBeInstanceOf(ServerError);
    expect(shrink.message).toContain('disk_size shrink is not supported yet');
    const twoNodes = await failureOf<Error>(
      client.instances.create({ ...instanceInput(emulator), nodes_number: 2 }),
    );
    expect(twoNodes.message).toContain('single_node kind requires nodes_number=1');
    const badVersion = await failureOf<Error>(
      client.transport.send({
        method: 'POST',
        path: '/v1/types/s3/instances/',
        body: { json: { ...instanceInput(emulator), version: '0.0.1' } },
      }),
    );
    expect(s3aasErrorType(badVersion)).toBe('LocatorNotFound');
  });

  it('redacts the root secret a storage error quotes, and refuses a nameless instance before sending', async () => {
    const client = clientFor(emulator);
    const raw = await failureOf<ServerError>(
      client.transport.send({
        method: 'POST',
        path: '/v1/types/s3/instances/',
        body: {
          json: {
            cpu: 1,
            ram: 1024,
            disk_size: 10,
            nodes_number: 1,
            version: `/v1/types/s3/versions/${emulator.seed.versionId}`,
          },
        },
        retry: undefined,
      } as never),
    );
    expect(raw).toBeInstanceOf(ServerError);
    const printed = JSON.stringify((raw as ServerError).toJSON()) + raw.message;
    expect(printed).toContain('UnknownStorageException');
    expect(printed).not.toMatch(/Failing row|[0-9a-f]{48}/);
    const before = emulator.requests.length;
    await expect(client.instances.create({ ...instanceInput(emulator), name: '' })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(
      client.instances.create({ ...instanceInput(emulator), kind: 'distributed' } as never),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(emulator.requests.length).toBe(before);
  });

  it('makes a create with a client-chosen uuid safe to repeat', async () => {
    const client = clientFor(emulator);
    const uuid = '6d2e8f00-1111-4222-8333-444455556666';
    const first = await client.instances.create({ ...instanceInput(emulator), uuid });
    const again = await client.instances.create({ ...instanceInput(emulator), uuid });
    expect(again.uuid).toBe(first.uuid);
    expect(await client.instances.list().toArray()).toHaveLength(1);
  });

  it('filters by equality and IN, sorts, trims fields and omits nulls', async () => {
    const client = clientFor(emulator);
    const a = await client.instances.create(instanceInput(emulator, 'alpha'));
    const b = await client.instances.create(instanceInput(emulator, 'beta'));
    await client.instances.create(instanceInput(emulator, 'gamma'));
    const byVersion = await client.instances.list({ where: { version: emulator.seed.versionId } }).toArray();
    expect(byVersion).toHaveLength(3);
    const byName = await client.instances.list({ where: { name: 'beta' } }).toArray();
    expect(byName.map((i) => i.uuid)).toEqual([b.uuid]);
    const either = await client.instances
      .list({ where: { name: ['alpha', 'beta'] }, sortKey: 'name', sortDir: 'desc' })
      .toArray();
    expect(either.map((i) => i.name)).toEqual(['beta', 'alpha']);
    const trimmed = await client.instances
      .list({ fields: ['uuid', 'name'], where: { name: 'alpha' } })
      .toArray();
    expect(trimmed).toEqual([{ uuid: a.uuid, name: 'alpha' }]);
    const bucket = await client.buckets.create(a.uuid, { name: 'nulls-omitted' });
    expect(bucket).not.toHaveProperty('default_retention_mode');
    expect(bucket.default_retention_days).toBeUndefined();
    await expect(client.instances.list({ where: { colour: 'red' } }).toArray()).rejects.toThrow(
      /Filter colour is not supported/,
    );
    const twoKeys = await failureOf(
      client.transport.send({
        method: 'GET',
        path: '/v1/types/s3/instances/',
        query: { sort_key: ['name', 'uuid'], page_limit: 5 },
      }),
    );
    expect(s3aasErrorType(twoKeys)).toBe('ValidationSortNumberError');
  });

  it('pages 1,000 buckets with page_limit and the X-Pagination-Marker header, lazily', async () => {
    const client = clientFor(emulator);
    const instance = await client.instances.create(instanceInput(emulator));
    const names: string[] = [];
    for (let i = 0; i < 1000; i++) names.push(`bucket-${String(i).padStart(4, '0')}`);
    // Straight into the emulator's table is not allowed (no mocks of our own code): create through the API.
    for (let i = 0; i < names.length; i += 50) {
      await Promise.all(names.slice(i, i + 50).map((name) => client.buckets.create(instance.uuid, { name })));
    }
    const start = emulator.requests.length;
    const pages = [];
    for await (const page of client.buckets.list(instance.uuid, { pageLimit: 100 }).byPage())
      pages.push(page);
    const gets = emulator.requests.slice(start);
    // 10 full pages, each with a marker, then the empty last page a multiple of the limit ends with.
    expect(pages.map((page) => page.items.length)).toEqual([
      100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 0,
    ]);
    expect(gets).toHaveLength(11);
    const all = pages.flatMap((page) => page.items.map((bucket) => bucket.uuid));
    expect(new Set(all).size).toBe(1000);
    expect(all).toEqual([...all].sort());
    const lazyStart = emulator.requests.length;
    for await (const bucket of client.buckets.list(instance.uuid, { pageLimit: 100 })) {
      expect(bucket.name).toMatch(/^bucket-/);
      break;
    }
    expect(emulator.requests.length - lazyStart).toBe(1);
  });
});

describe('children', () => {
  it('attaches policies to users (409 on a duplicate), shows a key secret only once, and cascades deletes', async () => {
    const client = clientFor(emulator);
    const instance = await client.instances.create(instanceInput(emulator));
    const policy = await client.policies.create(instance.uuid, {
      name: 'read-all',
      content: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: ['arn:aws:s3:::*'] }],
      },
    });
    const user = await client.users.create(instance.uuid, { name: 'app' });
    const attachment = await client.policyAttachments.create(instance.uuid, user.uuid, {
      policy: policy.uuid,
    });
    expect(attachment.policy).toBe(`/v1/types/s3/instances/${instance.uuid}/policies/${policy.uuid}`);
    expect(attachment.instance).toBe(`/v1/types/s3/instances/${instance.uuid}`);
    expect(attachment.name).toBe('');
    expect(idOfPath(attachment.policy)).toBe(policy.uuid);
    await expect(
      client.policyAttachments.create(instance.uuid, user.uuid, { policy: policy.uuid }),
    ).rejects.toBeInstanceOf(ConflictError);
    const key = await client.accessKeys.create(instance.uuid, user.uuid, { name: 'ci' });
    expect(key.access_key).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(key.secret_key).toMatch(/^[A-Za-z0-9]{40}$/);
    const shown = await client.accessKeys.get(instance.uuid, user.uuid, key.uuid);
    expect(shown).not.toHaveProperty('secret_key');
    expect(await client.accessKeys.list(instance.uuid, user.uuid).toArray()).toEqual([shown]);
    const rename = await failureOf(
      client.transport.send({
        method: 'PUT',
        path: `/v1/types/s3/instances/${instance.uuid}/users/${user.uuid}`,
        body: { json: { name: 'other' } },
      }),
    );
    expect(s3aasErrorType(rename)).toBe('ReadOnlyProperty');
    const touched = await client.instances.get(instance.uuid);
    expect(touched.updated_at).not.toBe(instance.updated_at);
    await client.policies.delete(instance.uuid, policy.uuid);
    expect(await client.policyAttachments.list(instance.uuid, user.uuid).toArray()).toEqual([]);
    await client.users.delete(instance.uuid, user.uuid);
    await expect(client.accessKeys.list(instance.uuid, user.uuid).toArray()).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await client.buckets.create(instance.uuid, { name: 'goes-with-instance' });
    await client.instances.delete(instance.uuid);
    await expect(client.buckets.list(instance.uuid).toArray()).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses bad ids and bucket names before any request', async () => {
    const client = clientFor(emulator);
    const before = emulator.requests.length;
    expect(() => client.buckets.list('../x')).toThrow(ValidationError);
    await expect(client.buckets.create('i', { name: 'Bad_Name..' })).rejects.toBeInstanceOf(ValidationError);
    await expect(client.users.update('i', 'u', {})).rejects.toThrow(/at least one field/);
    expect(emulator.requests.length).toBe(before);
  });

  it('creates an instance with a default versioned bucket as the seed did, without sending seed fields', async () => {
    const client = clientFor(emulator);
    const { instance, bucket } = await client.createInstance(
      { ...instanceInput(emulator), bucketName: 'seed-default', versioning: true },
      { wait: fast },
    );
    expect(instance.status).toBe('ACTIVE');
    expect(bucket).toMatchObject({ name: 'seed-default', versioning_enabled: true });
  });
});
