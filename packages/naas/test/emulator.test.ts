import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { useNaasEmulator } from './fixture.js';

/** Raw HTTP, as naas-python sends it: JSON headers and a `{}` body even on GET and DELETE. */
function call(
  base: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown } = {},
): Promise<{ status: number; body: unknown }> {
  const url = new URL(path, base);
  const payload = options.body === undefined ? '{}' : JSON.stringify(options.body);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/json',
    'content-length': String(Buffer.byteLength(payload)),
  };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      let text = '';
      res.on('data', (chunk) => {
        text += chunk;
      });
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined }),
      );
    });
    req.on('error', reject);
    req.end(payload);
  });
}

describe('the Naas emulator answers like the real services (spec §11)', () => {
  const naas = useNaasEmulator();
  const api = (method: string, path: string, body?: unknown, token = naas.emulator.seed.token) =>
    call(naas.emulator.url, method, path, { token, body });

  it('GET / is 200 without auth; every API route wants a bearer token, with {"detail"} 401s', async () => {
    expect((await call(naas.emulator.url, 'GET', '/')).status).toBe(200);
    expect(await call(naas.emulator.url, 'GET', '/space/')).toEqual({
      status: 401,
      body: { detail: 'Not authenticated' },
    });
    expect(await api('GET', '/secret/', undefined, 'bogus')).toEqual({
      status: 401,
      body: { detail: 'Invalid token' },
    });
  });

  it('space: 201 {space,status}, 409/404 {message}, 422 FastAPI detail, cpu/memory strings, port coerced', async () => {
    const container = { name: 'web-app', image: 'nginx', env: {}, port: '5080', cpu: '1', memory: '1Gi' };
    const created = await api('POST', '/space/', { name: 'web-app', domain: '', containers: [container] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'created',
      space: { name: 'web-app', containers: [{ port: 5080, cpu: '1', memory: '1Gi' }] },
    });
    expect((await api('POST', '/space/', { name: 'web-app', containers: [container] })).body).toMatchObject({
      status: 409,
      message: 'Space web-app already exists',
    });
    expect((await api('GET', '/space/none-here')).body).toMatchObject({
      message: 'Space none-here not found',
    });
    const invalid = await api('POST', '/space/', { name: 'webapp', containers: [container] });
    expect(invalid.status).toBe(422);
    expect((invalid.body as { detail: { loc: string[] }[] }).detail[0]?.loc).toEqual(['body', 'name']);
    expect(
      (await api('POST', '/space/', { name: 'num-cpu', containers: [{ ...container, cpu: 2 }] })).status,
    ).toBe(422);
    expect((await api('GET', '/space/?page_size=0&page_number=0')).body).toMatchObject({
      spaces: [{ name: 'web-app' }],
    });
    expect((await api('DELETE', '/space/web-app')).status).toBe(200);
  });

  it('space and registry lists page from the query or, as naas-python sends {}, from the GET body', async () => {
    for (const name of ['reg-a', 'reg-b', 'reg-c']) await api('POST', '/registry/', { name });
    expect((await api('GET', '/registry/?page_size=2&page_number=2')).body).toMatchObject({
      registries: [{ name: 'reg-c' }],
    });
    expect((await api('GET', '/registry/', { page_size: 1, page_number: 2 })).body).toMatchObject({
      registries: [{ name: 'reg-b' }],
    });
    expect(((await api('GET', '/registry/', {})).body as { registries: unknown[] }).registries).toHaveLength(
      3,
    );
  });

  it('registry: 201, 409/404 {error, error_message}, delete 204 with no body', async () => {
    expect((await api('POST', '/registry/', { name: 'reg-one' })).status).toBe(201);
    expect(await api('POST', '/registry/', { name: 'reg-one' })).toEqual({
      status: 409,
      body: { error: 0, error_message: 'Registry reg-one already exists' },
    });
    expect(await api('DELETE', '/registry/reg-one')).toEqual({ status: 204, body: undefined });
    expect(await api('GET', '/registry/reg-one/credentials')).toEqual({
      status: 404,
      body: { error: 1, error_message: 'Registry reg-one not found' },
    });
  });

  it('secret: 201 empty, 409 {error:{error,message}}, list paging read from the GET body, bare-array bulk', async () => {
    expect(await api('POST', '/secret/', { secret: { name: 'A', value: '1' } })).toEqual({
      status: 201,
      body: undefined,
    });
    expect(await api('POST', '/secret/', { secret: { name: 'A', value: '1' } })).toEqual({
      status: 409,
      body: { error: { error: 1, message: 'Secret A already exists' } },
    });
    expect(
      (
        await api('POST', '/secret/bulk', [
          { name: 'B', value: '2' },
          { name: 'C', value: '3' },
        ])
      ).status,
    ).toBe(201);
    expect((await api('GET', '/secret/', { page_size: 2, page_number: 2 })).body).toEqual({
      secrets: [{ name: 'C', value: '3' }],
    });
    expect((await api('GET', '/secret/', { page_size: 0, page_number: 0 })).body).toMatchObject({
      secrets: [{}, {}, {}],
    });
  });

  it('storage: errors as {"error":{"error":n,"message"}}, credentials with s3:// endpoint and space-separated expiry', async () => {
    const ws = naas.emulator.seed.workspaceId;
    expect(await api('POST', `/workspace/${ws}/storage/`, { storage: { name: 'default-storage' } })).toEqual({
      status: 409,
      body: { error: { error: 1, message: 'Storage default-storage already exists' } },
    });
    const credentials = await api('POST', `/workspace/${ws}/storage/credentials/`, {
      name: 'default-storage',
    });
    expect(credentials.status).toBe(200);
    const s3 = (credentials.body as { credentials: { s3: Record<string, string> } }).credentials.s3;
    expect(s3.endpoint_url).toBe(`s3://api-naas-storage/${ws}/default-storage/`);
    expect(s3.expiration).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\+00:00$/);
  });

  it('auth host trades: a login code once, a JupyterHub token, {"detail"} on failure', async () => {
    const trade = (kind: string, token: string) =>
      call(naas.emulator.authUrl, 'GET', `/bearer/${kind}/longlived/?token=${token}`);
    const { loginCode, jupyterhubToken, token } = naas.emulator.seed;
    expect(await trade('workspace', loginCode)).toEqual({ status: 200, body: { access_token: token } });
    expect(await trade('workspace', loginCode)).toEqual({ status: 401, body: { detail: 'Invalid token' } });
    expect((await trade('jupyterhub', jupyterhubToken)).body).toEqual({ access_token: token });
  });

  it('unknown paths are FastAPI 404 {"detail":"Not Found"}', async () => {
    expect(await api('GET', '/nothing/here')).toEqual({ status: 404, body: { detail: 'Not Found' } });
  });
});
