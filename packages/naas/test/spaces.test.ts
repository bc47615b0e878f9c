import { describe, expect, it } from 'vitest';
import { rejection, useNaasEmulator } from './fixture.js';

const container = (name: string) => ({
  name,
  image: 'nginx:1.27',
  env: { A: '1' },
  port: 8080,
  cpu: '0.5',
  memory: '512Mi',
});

describe('spaces over HTTP', () => {
  const naas = useNaasEmulator();

  it('creates, gets, lists, updates and deletes a space', async () => {
    const client = naas.client();
    const created = await client.spaces.create({ name: 'my-app', containers: [container('my-app')] });
    expect(created).toMatchObject({
      name: 'my-app',
      domain: 'my-app.naas.ai',
      user_id: naas.emulator.seed.userId,
    });
    expect(created.containers?.[0]).toMatchObject({ cpu: '0.5', memory: '512Mi', port: 8080 });
    expect((await client.spaces.get('my-app')).id).toBe(created.id);
    const updated = await client.spaces.update('my-app', {
      containers: [{ ...container('my-app'), cpu: '2' }],
      domain: 'x.example.com',
    });
    expect(updated.domain).toBe('x.example.com');
    expect(updated.containers?.[0]?.cpu).toBe('2');
    expect((await client.spaces.list().toArray()).map((s) => s.name)).toEqual(['my-app']);
    await client.spaces.delete('my-app');
    expect((await rejection(client.spaces.get('my-app'))).code).toBe('NOT_FOUND');
  });

  it('pages lazily with page_size and stops on a short page', async () => {
    const client = naas.client();
    for (const name of ['a-1', 'a-2', 'a-3', 'a-4', 'a-5'])
      await client.spaces.create({ name, containers: [container(name)] });
    const pages: string[][] = [];
    for await (const page of client.spaces.list({ pageSize: 2 }).byPage())
      pages.push(page.items.map((s) => s.name));
    expect(pages).toEqual([['a-1', 'a-2'], ['a-3', 'a-4'], ['a-5']]);
    expect((await client.spaces.list().toArray()).length).toBe(5);
  });

  it('a 409 is a ConflictError carrying the server message', async () => {
    const client = naas.client();
    await client.spaces.create({ name: 'dup-app', containers: [container('dup-app')] });
    const error = await rejection(
      client.spaces.create({ name: 'dup-app', containers: [container('dup-app')] }),
    );
    expect(error.code).toBe('CONFLICT');
    expect(error.status).toBe(409);
    expect(error.message).toContain('Space dup-app already exists');
  });

  it('validates requests strictly before sending: name rule, cpu/memory as strings', async () => {
    const client = naas.client();
    const noHyphen = await rejection(
      client.spaces.create({ name: 'myapp', containers: [container('myapp')] }),
    );
    expect(noHyphen.code).toBe('VALIDATION');
    expect(noHyphen.message).toContain('at least one hyphen');
    const numericCpu = await rejection(
      client.spaces.create({
        name: 'ok-app',
        containers: [{ ...container('ok-app'), cpu: 2 as unknown as string }],
      }),
    );
    expect(numericCpu.code).toBe('VALIDATION');
    expect(numericCpu.message).toContain('cpu');
    expect(naas.emulator.state.user(naas.emulator.seed.userId).spaces.size).toBe(0);
  });

  it('refuses names that would change the path, and encodes the rest', async () => {
    const client = naas.client();
    expect((await rejection(client.spaces.get('../registry'))).code).toBe('VALIDATION');
    expect((await rejection(client.spaces.get('..'))).code).toBe('VALIDATION');
    const error = await rejection(client.spaces.get('a b?c'));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toContain('Space a b?c not found');
  });

  it('keeps unknown response fields (lenient parsing)', async () => {
    const client = naas.client();
    await client.spaces.create({ name: 'lenient-app', containers: [container('lenient-app')] });
    const space = naas.emulator.state.user(naas.emulator.seed.userId).spaces.get('lenient-app');
    Object.assign(space as object, { status: 'RUNNING', name: 'Lenient_App' });
    const got = await client.spaces.get('lenient-app');
    expect(got.status).toBe('RUNNING');
    expect(got.name).toBe('Lenient_App');
  });
});
