import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImsEmulator } from '../src/emulator/index.js';
import { startEmulator } from './emulator-fixture.js';

// The emulator's wire behaviour checked with plain fetch: what any client, not only ours, sees.
let ims: ImsEmulator;
let token: string;

async function grant(body: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(ims.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body,
  });
}

function call(
  method: string,
  path: string,
  init: { body?: string; contentType?: string; auth?: string } = {},
) {
  const headers: Record<string, string> = { authorization: init.auth ?? `Bearer ${token}` };
  if (init.contentType) headers['content-type'] = init.contentType;
  return fetch(`${ims.imsUrl}${path}`, { method, headers, body: init.body });
}

beforeAll(async () => {
  ims = await startEmulator({ tokenTtlSeconds: 120 });
  const basic = Buffer.from(`${ims.seed.clientId}:${ims.seed.clientSecret}`).toString('base64');
  const response = await grant('grant_type=client_credentials', { authorization: `Basic ${basic}` });
  token = ((await response.json()) as { access_token: string }).access_token;
});
afterAll(() => ims.close());

describe('Keycloak token endpoint', () => {
  it('grants client credentials sent in HTTP Basic, with Keycloak fields and the configured expires_in', async () => {
    const basic = Buffer.from(`${ims.seed.clientId}:${ims.seed.clientSecret}`).toString('base64');
    const response = await grant('grant_type=client_credentials', { authorization: `Basic ${basic}` });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      token_type: 'Bearer',
      expires_in: 120,
      refresh_expires_in: 0,
      'not-before-policy': 0,
    });
    expect(typeof body.access_token).toBe('string');
  });

  it('grants client credentials sent as form fields, as other CSM tools send them', async () => {
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: ims.seed.clientId,
      client_secret: ims.seed.clientSecret,
    });
    expect((await grant(form.toString())).status).toBe(200);
  });

  it('answers a wrong secret with 401 and OAuth error JSON', async () => {
    const basic = Buffer.from(`${ims.seed.clientId}:not-the-secret`).toString('base64');
    const response = await grant('grant_type=client_credentials', { authorization: `Basic ${basic}` });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'invalid_client' });
  });
});

describe('API gateway', () => {
  it('refuses a request without a token (403) and an unknown token (401), before IMS sees it', async () => {
    const missing = await fetch(`${ims.imsUrl}/images`);
    expect(missing.status).toBe(403);
    expect(await missing.text()).toBe('RBAC: access denied');
    const unknown = await call('GET', '/images', { auth: 'Bearer made-up-token' });
    expect(unknown.status).toBe(401);
    expect(await unknown.text()).toBe('Jwt verification fails');
  });

  it('refuses an expired token with 401 Jwt is expired', async () => {
    const other = await startEmulator();
    try {
      const form = new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: other.seed.clientId,
        client_secret: other.seed.clientSecret,
      });
      const response = await fetch(other.tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
      });
      const fresh = ((await response.json()) as { access_token: string }).access_token;
      other.expireTokens();
      const expired = await fetch(`${other.imsUrl}/images`, {
        headers: { authorization: `Bearer ${fresh}` },
      });
      expect(expired.status).toBe(401);
      expect(await expired.text()).toBe('Jwt is expired');
    } finally {
      await other.close();
    }
  });
});

describe('IMS request handling', () => {
  it('answers 415 problem+json to a body without a JSON content type', async () => {
    const response = await call('POST', '/images', { body: '{"name":"x"}', contentType: 'text/plain' });
    expect(response.status).toBe(415);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 415, title: 'Unsupported Media Type' });
  });

  it('answers 400 "No input provided" to an empty object', async () => {
    const response = await call('POST', '/images', { body: '{}', contentType: 'application/json' });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { detail: string; title: string };
    expect(body.title).toBe('Bad Request');
    expect(body.detail).toMatch(/^No input provided\./);
  });

  it('answers 422 with the field map to unknown fields, a client-supplied id and a missing name', async () => {
    const response = await call('POST', '/images', {
      body: JSON.stringify({ id: 'mine', size: 3 }),
      contentType: 'application/json',
    });
    expect(response.status).toBe(422);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toEqual({
      status: 422,
      title: 'Unprocessable Entity',
      detail: expect.stringMatching(/^Input data was understood, but failed validation\./),
      errors: {
        id: ['Unknown field.'],
        size: ['Unknown field.'],
        name: ['Missing data for required field.'],
      },
    });
  });

  it('answers 404 problem+json with the fixed detail for an unknown id, and for an unknown URL', async () => {
    const response = await call('GET', '/images/5f4a7d5e-0000-4000-8000-000000000000');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      status: 404,
      title: 'Not Found',
      detail: 'Requested resource does not exist. Re-run request with valid ID.',
    });
    const nowhere = await call('GET', '/no-such-thing');
    expect(nowhere.status).toBe(404);
    expect(nowhere.headers.get('content-type')).toBe('application/problem+json');
  });

  it('answers 405 problem+json to a method a route does not have', async () => {
    const response = await call('PATCH', '/public-keys');
    expect(response.status).toBe(405);
    expect(((await response.json()) as { title: string }).title).toBe('Method Not Allowed');
  });

  it('serves the same record on the unversioned, /v2 and /v3 paths, and 201/204 with an empty delete body', async () => {
    const created = await call('POST', '/public-keys', {
      body: JSON.stringify({ name: 'k', public_key: 'ssh-ed25519 AAAA k' }),
      contentType: 'application/json',
    });
    expect(created.status).toBe(201);
    const key = (await created.json()) as { id: string; created: string };
    expect(key.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/);
    for (const prefix of ['', '/v2', '/v3']) {
      expect((await call('GET', `${prefix}/public-keys/${key.id}`)).status).toBe(200);
    }
    const deleted = await call('DELETE', `/public-keys/${key.id}`);
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe('');
  });

  it('serves /version as an object and the health probes as {}', async () => {
    expect(await (await call('GET', '/version')).json()).toEqual({ version: '3.33.0' });
    expect(await (await call('GET', '/healthz/ready')).json()).toEqual({});
    expect(await (await call('GET', '/healthz/live')).json()).toEqual({});
  });
});
