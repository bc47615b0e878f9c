import { afterEach, describe, expect, it } from 'vitest';
import { Router, type RunningEmulator, startEmulatorServer } from '../../src/testing/index.js';

let emulator: RunningEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function serve(router: Router): Promise<string> {
  emulator = await startEmulatorServer({ handler: router });
  return emulator.url;
}

describe('Router', () => {
  it('matches methods and decodes :params', async () => {
    const url = await serve(
      new Router()
        .get('/jobs/:id', (request) => ({ status: 200, body: { get: request.params.id } }))
        .delete('/jobs/:id', (request) => ({ status: 200, body: { deleted: request.params.id } }))
        .post('/jobs', () => ({ status: 201, body: { created: true } }))
        .put('/jobs/:id/tags/:tag', (request) => ({ status: 200, body: request.params }))
        .patch('/jobs/:id', () => ({ status: 200, body: { patched: true } })),
    );
    expect(await (await fetch(`${url}/jobs/a%2Fb%20c`)).json()).toEqual({ get: 'a/b c' });
    expect(await (await fetch(`${url}/jobs/9`, { method: 'DELETE' })).json()).toEqual({ deleted: '9' });
    expect((await fetch(`${url}/jobs`, { method: 'POST' })).status).toBe(201);
    expect(await (await fetch(`${url}/jobs/1/tags/x`, { method: 'PUT' })).json()).toEqual({
      id: '1',
      tag: 'x',
    });
    expect(await (await fetch(`${url}/jobs/1`, { method: 'PATCH' })).json()).toEqual({ patched: true });
  });

  it('matches the rest of the path with :name*', async () => {
    const url = await serve(
      new Router().get('/buckets/:bucket/:key*', (request) => ({ status: 200, body: request.params })),
    );
    expect(await (await fetch(`${url}/buckets/b1/dir/sub/file%20name.txt`)).json()).toEqual({
      bucket: 'b1',
      key: 'dir/sub/file name.txt',
    });
    expect((await fetch(`${url}/buckets/b1`)).status).toBe(404);
  });

  it('tolerates a trailing slash by default, and can be strict', async () => {
    const tolerant = new Router().get('/jobs', () => ({ status: 200, body: 'list' }));
    let url = await serve(tolerant);
    expect((await fetch(`${url}/jobs/`)).status).toBe(200);
    await emulator?.close();
    const strict = new Router({ trailingSlashTolerant: false }).get('/jobs', () => ({ status: 200 }));
    url = await serve(strict);
    expect((await fetch(`${url}/jobs/`)).status).toBe(404);
    expect((await fetch(`${url}/jobs`)).status).toBe(200);
  });

  it('answers HEAD from the GET route without a body, unless HEAD has its own route', async () => {
    const url = await serve(
      new Router()
        .get('/a', () => ({ status: 200, headers: { etag: '"1"' }, body: { big: 'body' } }))
        .get('/b', () => ({ status: 200, body: 'get' }))
        .head('/b', () => ({ status: 200, headers: { 'x-own-head': 'yes' } })),
    );
    const a = await fetch(`${url}/a`, { method: 'HEAD' });
    expect(a.status).toBe(200);
    expect(a.headers.get('etag')).toBe('"1"');
    expect(await a.text()).toBe('');
    const b = await fetch(`${url}/b`, { method: 'HEAD' });
    expect(b.headers.get('x-own-head')).toBe('yes');
  });

  it('answers 404 and 405 with Allow by default', async () => {
    const url = await serve(
      new Router().get('/jobs', () => ({ status: 200 })).post('/jobs', () => ({ status: 201 })),
    );
    const missing = await fetch(`${url}/nope`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ message: 'no route for GET /nope' });
    const wrong = await fetch(`${url}/jobs`, { method: 'DELETE' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET, POST');
  });

  it("uses the service's own not-found and method-not-allowed answers", async () => {
    const url = await serve(
      new Router({
        notFound: (request) => ({
          status: 404,
          body: { code: 'ResourceNotFound', message: request.rawPath },
        }),
        methodNotAllowed: (_request, allowed) => ({
          status: 405,
          body: { code: 'BadMethod', allowed },
        }),
      }).get('/machines', () => ({ status: 200 })),
    );
    expect(await (await fetch(`${url}/x`)).json()).toEqual({ code: 'ResourceNotFound', message: '/x' });
    expect(await (await fetch(`${url}/machines`, { method: 'PUT' })).json()).toEqual({
      code: 'BadMethod',
      allowed: ['GET'],
    });
  });

  it('answers 400 to a malformed percent-encoding', async () => {
    const url = await serve(new Router().get('/jobs/:id', () => ({ status: 200 })));
    expect((await fetch(`${url}/jobs/%E0%A4%A`)).status).toBe(400);
  });

  it('rejects malformed patterns when routes are declared', () => {
    expect(() => new Router().get('jobs', () => ({ status: 200 }))).toThrow(/must start with/);
    expect(() => new Router().get('/a/:', () => ({ status: 200 }))).toThrow(/unnamed/);
    expect(() => new Router().get('/a/:rest*/b', () => ({ status: 200 }))).toThrow(/must be last/);
  });
});
