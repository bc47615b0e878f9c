import { describe, expect, it } from 'vitest';
import { rejection, useNaasEmulator } from './fixture.js';

describe('storage over HTTP', () => {
  const naas = useNaasEmulator();
  const ws = () => naas.emulator.seed.workspaceId;
  const putRecord = (storage: string, key: string, size = 3) =>
    naas.emulator.state.storages
      .get(`${ws()}/${storage}`)
      ?.set(key, { key, size, lastModified: new Date(0) });

  it('creates, lists and deletes storages', async () => {
    const client = naas.client();
    await client.storage.create(ws(), 'data-lake');
    expect(await client.storage.list(ws())).toEqual(['default-storage', 'data-lake']);
    await client.storage.delete(ws(), 'data-lake');
    expect(await client.storage.list(ws())).toEqual(['default-storage']);
  });

  it('lists objects under a prefix with folders, and deletes one by dir/base split', async () => {
    const client = naas.client();
    putRecord('default-storage', 'top.txt');
    putRecord('default-storage', 'dir 1/a b.txt', 5);
    putRecord('default-storage', 'dir 1/sub/c.txt');
    const top = await client.storage.listObjects(ws(), 'default-storage');
    expect(top.map((o) => [o.name, o.type])).toEqual([
      ['dir 1', 'folder'],
      ['top.txt', 'file'],
    ]);
    const inside = await client.storage.listObjects(ws(), 'default-storage', 'dir 1');
    expect(inside.map((o) => [o.name, o.type, o.size])).toEqual([
      ['a b.txt', 'file', '5'],
      ['sub', 'folder', '0'],
    ]);
    await client.storage.deleteObject(ws(), 'default-storage', 'dir 1/a b.txt');
    expect((await client.storage.listObjects(ws(), 'default-storage', 'dir 1')).map((o) => o.name)).toEqual([
      'sub',
    ]);
    const missing = await rejection(client.storage.deleteObject(ws(), 'default-storage', 'dir 1/a b.txt'));
    expect(missing.code).toBe('NOT_FOUND');
    expect((await rejection(client.storage.deleteObject(ws(), 'default-storage', '../x'))).code).toBe(
      'VALIDATION',
    );
  });

  it('maps {"error": {"error": n}} on 4xx to conflict and not found', async () => {
    const client = naas.client();
    const conflict = await rejection(client.storage.create(ws(), 'default-storage'));
    expect(conflict).toMatchObject({ code: 'CONFLICT', status: 409 });
    expect(conflict.message).toContain('Storage default-storage already exists');
    const missing = await rejection(client.storage.listObjects(ws(), 'no-such'));
    expect(missing).toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });

  it('maps the later {"error": {"code": n}} shape, also when answered with HTTP 200', async () => {
    naas.emulator.behaviour.storageErrorKey = 'code';
    naas.emulator.behaviour.storageErrorStatus = 'ok';
    try {
      const client = naas.client();
      const conflict = await rejection(client.storage.create(ws(), 'default-storage'));
      expect(conflict.code).toBe('CONFLICT');
      expect(conflict.message).toContain('already exists');
      expect((await rejection(client.storage.delete(ws(), 'nothing-here'))).code).toBe('NOT_FOUND');
    } finally {
      naas.emulator.behaviour.storageErrorKey = 'error';
      naas.emulator.behaviour.storageErrorStatus = 'http';
    }
  });

  it('issues S3 credentials: endpoint_url parsed for bucket and prefix, expiry in both forms', async () => {
    const client = naas.client();
    const session = await client.storage.credentials(ws(), 'default-storage');
    expect(session.bucket).toBe('api-naas-storage');
    expect(session.prefix).toBe(`${ws()}/default-storage/`);
    expect(session.expiresAt.getTime()).toBeGreaterThan(Date.now() + 3000_000);
    naas.emulator.behaviour.expirationFormat = 'T';
    try {
      const again = await client.storage.credentials(ws(), 'default-storage');
      expect(Math.abs(again.expiresAt.getTime() - session.expiresAt.getTime())).toBeLessThan(60_000);
    } finally {
      naas.emulator.behaviour.expirationFormat = 'space';
    }
  });

  it("another user's workspace is not found", async () => {
    const other = naas.client({ token: naas.emulator.seed.otherToken });
    expect((await rejection(other.storage.list(ws()))).code).toBe('NOT_FOUND');
  });
});
