import { describe, expect, it } from 'vitest';
import { rejection, useNaasEmulator } from './fixture.js';

describe('registries over HTTP', () => {
  const naas = useNaasEmulator();

  it('creates, gets, lists, reads credentials and deletes (204)', async () => {
    const client = naas.client();
    const created = await client.registries.create('my-registry');
    expect(created).toMatchObject({ name: 'my-registry', uri: 'registry.naas.local/my-registry' });
    expect((await client.registries.get('my-registry')).uri).toBe(created.uri);
    expect((await client.registries.list().toArray()).map((r) => r.name)).toEqual(['my-registry']);
    const credentials = await client.registries.credentials('my-registry');
    expect(credentials.name).toBe('my-registry');
    expect(credentials.credentials.username).toBe('AWS');
    expect(credentials.credentials.password.length).toBeGreaterThan(10);
    await client.registries.delete('my-registry');
    expect(await client.registries.list().toArray()).toEqual([]);
  });

  it('maps {"error", "error_message"} bodies to typed errors', async () => {
    const client = naas.client();
    await client.registries.create('dup-registry');
    const conflict = await rejection(client.registries.create('dup-registry'));
    expect(conflict).toMatchObject({ code: 'CONFLICT', status: 409 });
    expect(conflict.message).toContain('Registry dup-registry already exists');
    const missing = await rejection(client.registries.credentials('nope-registry'));
    expect(missing).toMatchObject({ code: 'NOT_FOUND', status: 404 });
    expect(missing.message).toContain('Registry nope-registry not found');
  });

  it('refuses a registry name without a hyphen before sending', async () => {
    const error = await rejection(naas.client().registries.create('registry'));
    expect(error.code).toBe('VALIDATION');
    expect(naas.emulator.state.user(naas.emulator.seed.userId).registries.size).toBe(0);
  });
});
