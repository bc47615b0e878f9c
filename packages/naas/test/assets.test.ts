import { describe, expect, it } from 'vitest';
import { rejection, useNaasEmulator } from './fixture.js';

describe('assets over HTTP', () => {
  const naas = useNaasEmulator();
  const ws = () => naas.emulator.seed.workspaceId;

  it('creates, gets, updates and deletes an asset', async () => {
    const client = naas.client();
    const asset = await client.assets.create(ws(), {
      storage_name: 'default-storage',
      object_name: 'reports/q1.pdf',
      visibility: 'public',
      password: 'hunter2',
    });
    expect(asset).toMatchObject({ object_name: 'reports/q1.pdf', prefix: 'reports', visibility: 'public' });
    expect(asset.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/asset\//);
    expect((await client.assets.get(ws(), asset.id)).id).toBe(asset.id);
    const updated = await client.assets.update(ws(), asset.id, { content_disposition: 'attachment' });
    expect(updated).toMatchObject({ content_disposition: 'attachment', visibility: 'public' });
    await client.assets.delete(ws(), asset.id);
    expect((await rejection(client.assets.get(ws(), asset.id))).code).toBe('NOT_FOUND');
  });

  it('a second asset for the same object is a conflict naming the existing id; delete failures surface', async () => {
    const client = naas.client();
    const first = await client.assets.create(ws(), { storage_name: 'default-storage', object_name: 'x.csv' });
    const error = await rejection(
      client.assets.create(ws(), { storage_name: 'default-storage', object_name: 'x.csv' }),
    );
    expect(error).toMatchObject({ code: 'CONFLICT', status: 409 });
    expect(error.message).toContain(`id:'${first.id}'`);
    expect((await rejection(client.assets.delete(ws(), 'no-such-asset'))).code).toBe('NOT_FOUND');
  });

  it('refuses an update with nothing to change before sending', async () => {
    const error = await rejection(naas.client().assets.update(ws(), 'some-id', {}));
    expect(error.code).toBe('VALIDATION');
  });
});
