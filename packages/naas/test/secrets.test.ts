import { describe, expect, it } from 'vitest';
import { rejection, useNaasEmulator } from './fixture.js';

describe('secrets over HTTP', () => {
  const naas = useNaasEmulator();

  it('creates, gets, updates, bulk-creates, lists and deletes', async () => {
    const client = naas.client();
    await client.secrets.create('API_KEY', 'v1');
    expect(await client.secrets.get('API_KEY')).toEqual({ name: 'API_KEY', value: 'v1' });
    await client.secrets.update('API_KEY', 'v2');
    expect((await client.secrets.get('API_KEY')).value).toBe('v2');
    await client.secrets.bulkCreate([
      { name: 'B', value: 'b' },
      { name: 'C', value: 'it\'s "quoted"' },
    ]);
    expect(await client.secrets.list().toArray()).toEqual([
      { name: 'API_KEY', value: 'v2' },
      { name: 'B', value: 'b' },
      { name: 'C', value: 'it\'s "quoted"' },
    ]);
    await client.secrets.delete('B');
    expect((await rejection(client.secrets.get('B'))).code).toBe('NOT_FOUND');
  });

  it('maps the nested {"error": {"error", "message"}} body of a 409', async () => {
    const client = naas.client();
    await client.secrets.create('DUP', 'x');
    const error = await rejection(client.secrets.create('DUP', 'y'));
    expect(error).toMatchObject({ code: 'CONFLICT', status: 409 });
    expect(error.message).toContain('Secret DUP already exists');
  });

  it('a missing secret is NOT_FOUND with the server message', async () => {
    const error = await rejection(naas.client().secrets.delete('GONE'));
    expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404 });
    expect(error.message).toContain('Secret GONE not found');
  });
});

describe('secret list paging against a server that reads only the GET body', () => {
  const naas = useNaasEmulator({ behaviour: { secretPaging: 'body' } });

  it('pages through the body: page sizes are honoured, so the query alone would not do', async () => {
    const client = naas.client();
    await client.secrets.bulkCreate(
      ['S1', 'S2', 'S3', 'S4', 'S5'].map((name) => ({ name, value: name.toLowerCase() })),
    );
    const pages: string[][] = [];
    for await (const page of client.secrets.list({ pageSize: 2 }).byPage())
      pages.push(page.items.map((s) => s.name));
    expect(pages).toEqual([['S1', 'S2'], ['S3', 'S4'], ['S5']]);
    const second = await client.secrets
      .list({ pageSize: 2, pageNumber: 2 })
      .byPage()
      [Symbol.asyncIterator]()
      .next();
    expect(second.value?.items.map((s: { name: string }) => s.name)).toEqual(['S3', 'S4']);
  });

  it('a bad token on the GET-with-body path is a "log in again" AuthenticationError', async () => {
    const error = await rejection(naas.client({ token: 'expired.jwt.token' }).secrets.list().toArray());
    expect(error).toMatchObject({ code: 'AUTHENTICATION', status: 401 });
    expect(error.message).toContain('log in again');
    expect(error.message).not.toContain('expired.jwt.token');
  });

  it('the GET-with-body path writes --debug traces like the transport, without the token', async () => {
    const events: { type: string; method: string; url: string; status?: number }[] = [];
    await naas
      .client({ logger: { debug: (event) => events.push(event) } })
      .secrets.list()
      .toArray();
    expect(events.map((e) => [e.type, e.method, new URL(e.url).pathname, e.status])).toEqual([
      ['request', 'GET', '/secret/', undefined],
      ['response', 'GET', '/secret/', 200],
    ]);
    expect(JSON.stringify(events)).not.toContain(naas.emulator.seed.token);
  });

  it('retries a 503 on the GET-with-body path, then succeeds', async () => {
    const client = naas.client();
    await client.secrets.create('R', 'r');
    naas.emulator.faults.failNext(2, 503);
    expect(await client.secrets.list().toArray()).toEqual([{ name: 'R', value: 'r' }]);
  });

  it('reports a non-JSON error body as an error, not a crash', async () => {
    naas.emulator.faults.failNext(3, 502, '<html>bad gateway</html>');
    const error = await rejection(naas.client().secrets.list().toArray());
    expect(error).toMatchObject({ code: 'SERVER', status: 502 });
    expect(error.message).toContain('bad gateway');
  });
});
