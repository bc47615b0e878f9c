import { request as httpRequest } from 'node:http';
import { isApiError } from '@nimbus-sdk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadVectors } from '../../../test-support/vectors.js';
import { type DciEmulator, startDciEmulator } from '../src/emulator/index.js';
import { createDciClient } from '../src/index.js';

interface ValidationVector {
  name: string;
  kind: 'validate' | 'parse';
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  serverNow: string | null;
  expected: { valid?: boolean; reason?: string | null };
}

const vectors = loadVectors<ValidationVector>('dci-validation.json').filter((v) => v.kind === 'validate');

interface RawAnswer {
  status: number;
  body: { status_code?: number; message?: string; payload?: unknown };
}

/** Sends exactly the given headers (Host included) to the emulator. */
function send(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string>,
  body = '',
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : {} });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

let serverNow = new Date();
let emulator: DciEmulator;

beforeAll(async () => {
  emulator = await startDciEmulator({ clock: () => serverNow });
});
afterAll(() => emulator.close());

describe('emulator signature verification replays the upstream validation vectors', () => {
  // Vectors whose Credential names a seeded remoteci (the `remoteci/ak` ones name no real row).
  const replayable = vectors.filter((v) => !/Credential=remoteci\/ak\//.test(v.headers.Authorization ?? ''));

  it.each(replayable.map((v) => [v.name, v] as const))('%s', async (_name, vector) => {
    serverNow = vector.serverNow ? new Date(vector.serverNow) : new Date();
    const url = new URL(vector.url);
    // `/api/v1/admin` is no route (a 404 before auth, as on the real server): replay the tampered
    // signature on a route that exists, which is just as tampered.
    const path = url.pathname === '/api/v1/admin' ? '/api/v1/identity' : url.pathname;
    const answer = await send(emulator.port, vector.method, path + url.search, vector.headers, vector.body);
    if (vector.expected.valid) {
      expect(answer.body.message ?? '').not.toMatch(/HmacMechanism|Authorization/);
      // Past authentication a remoteci may still be refused the route: GET /users is for admins.
      if (answer.status === 401) expect(answer.body.message).toBe('Operation not authorized.');
    } else if (vector.expected.reason === 'headers are malformated') {
      expect(answer).toEqual({
        status: 401,
        body: { status_code: 401, message: 'Authorization header missing', payload: {} },
      });
    } else {
      const reason =
        vector.expected.reason === 'signature is expired' ? 'signature is expired' : 'signature is invalid';
      expect(answer).toEqual({
        status: 400,
        body: { status_code: 400, message: `HmacMechanism failed: ${reason}`, payload: {} },
      });
    }
  });
});

describe('emulator authentication through the SDK', () => {
  const remoteciClient = (
    overrides: {
      apiSecret?: string;
      clock?: () => Date;
      fetch?: typeof fetch;
      correctClockSkew?: boolean;
    } = {},
  ) =>
    createDciClient({
      url: emulator.url,
      retry: false,
      auth: {
        type: 'signature',
        clientId: emulator.seed.remoteci.clientId,
        apiSecret: overrides.apiSecret ?? emulator.seed.remoteci.apiSecret,
      },
      clock: overrides.clock,
      fetch: overrides.fetch,
      correctClockSkew: overrides.correctClockSkew,
    });

  async function failure(promise: Promise<unknown>) {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isApiError(error)).toBe(true);
    return error as { status: number; message: string; details: unknown; code: string };
  }

  it('accepts a DCI2-signed request and reports the remoteci identity', async () => {
    serverNow = new Date();
    const identity = await remoteciClient().identity();
    expect(identity.id).toBe(emulator.seed.remoteci.id);
    expect(Object.values(identity.teams)[0]).toMatchObject({ team_name: 'Partner Lab', state: 'active' });
  });

  it('rejects a wrong secret with 400 signature is invalid', async () => {
    serverNow = new Date();
    const error = await failure(remoteciClient({ apiSecret: 'x'.repeat(64) }).identity());
    expect(error.status).toBe(400);
    expect(error.code).toBe('AUTHENTICATION');
    expect(error.details).toEqual({
      status_code: 400,
      message: 'HmacMechanism failed: signature is invalid',
      payload: {},
    });
  });

  it('rejects a date 16 minutes off with 400 signature is expired, and accepts 14 minutes off', async () => {
    serverNow = new Date();
    const late = () => new Date(serverNow.getTime() - 16 * 60_000);
    const error = await failure(remoteciClient({ clock: late, correctClockSkew: false }).identity());
    expect(error.status).toBe(400);
    expect(error.message).toContain('HmacMechanism failed: signature is expired');
    const early = () => new Date(serverNow.getTime() + 14 * 60_000);
    await expect(remoteciClient({ clock: early }).identity()).resolves.toMatchObject({
      id: emulator.seed.remoteci.id,
    });
  });

  it('by default corrects its clock from the server Date after signature is expired, and retries once', async () => {
    serverNow = new Date(Date.now() + 3 * 3600_000);
    const requests: string[] = [];
    const recording: typeof fetch = (input, init) => {
      requests.push(
        `${init?.method ?? 'GET'} ${new URL(String(input instanceof Request ? input.url : input)).pathname}`,
      );
      return fetch(input, init);
    };
    const client = remoteciClient({ fetch: recording });
    await expect(client.identity()).resolves.toMatchObject({ id: emulator.seed.remoteci.id });
    expect(requests).toEqual(['GET /api/v1/identity', 'GET /api/v1/', 'GET /api/v1/identity']);
    requests.length = 0;
    await client.identity();
    expect(requests).toEqual(['GET /api/v1/identity']);
  });

  it('rejects a tampered body with 400 signature is invalid', async () => {
    serverNow = new Date();
    // Sign one body, send another: the signature covers the body hash.
    const tamper: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      const text = await request.text();
      return fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body: text.replace('lab', 'LAB'),
      });
    };
    const client = remoteciClient({ fetch: tamper });
    const error = await failure(
      client.jobstates.create({ job_id: emulator.seed.topic, status: 'running', comment: 'lab' }),
    );
    expect(error.status).toBe(400);
    expect(error.message).toContain('signature is invalid');
  });

  it('answers 401 for an unknown client type and 404 for an unknown remoteci', async () => {
    serverNow = new Date();
    const stamp = serverNow.toISOString().replace(/[-:]/g, '').slice(0, 15) + 'Z';
    const authorization = (key: string) =>
      `DCI2-HMAC-SHA256 Credential=${key}/${stamp.slice(0, 8)}/BHS3/api/dci2_request, SignedHeaders=host;x-dci-date, Signature=00`;
    const headers = (key: string) => ({
      host: `127.0.0.1:${emulator.port}`,
      'x-dci-date': stamp,
      authorization: authorization(key),
    });
    expect(
      await send(
        emulator.port,
        'GET',
        '/api/v1/identity',
        headers('user/464cc0a3-d638-4081-a69e-4c80261f3ba5'),
      ),
    ).toEqual({
      status: 401,
      body: { status_code: 401, message: 'identity does not exists.', payload: {} },
    });
    expect(
      await send(
        emulator.port,
        'GET',
        '/api/v1/identity',
        headers('remoteci/00000000-0000-4000-8000-000000000000'),
      ),
    ).toMatchObject({
      status: 404,
      body: { message: 'remoteci not found' },
    });
    expect(
      await send(emulator.port, 'GET', '/api/v1/identity', { authorization: 'Token abc' }),
    ).toMatchObject({
      status: 401,
      body: { message: 'Authorization scheme Token unknown' },
    });
    expect((await send(emulator.port, 'GET', '/api/v1/', {})).body).toEqual({
      _status: 'OK',
      message: 'Distributed CI.',
    });
  });

  it('verifies genuine AWS4 signatures made with the AWS constants', async () => {
    serverNow = new Date();
    const client = createDciClient({
      url: emulator.url,
      retry: false,
      auth: {
        type: 'signature',
        clientId: emulator.seed.feeder.clientId,
        apiSecret: emulator.seed.feeder.apiSecret,
        algorithm: 'AWS4-HMAC-SHA256',
      },
    });
    expect((await client.identity()).id).toBe(emulator.seed.feeder.id);
  });

  it('accepts basic auth by name or email and refuses a wrong password with 401', async () => {
    serverNow = new Date();
    const basic = (login: string, password: string) =>
      createDciClient({ url: emulator.url, retry: false, auth: { type: 'basic', login, password } });
    expect((await basic('partner', 'partner').identity()).name).toBe('partner');
    expect((await basic('partner@example.com', 'partner').identity()).name).toBe('partner');
    expect((await failure(basic('nobody', 'x').identity())).message).toContain(
      'User nobody does not exists.',
    );
    const error = await failure(basic('partner', 'wrong').identity());
    expect(error.status).toBe(401);
    expect(error.code).toBe('AUTHENTICATION');
    expect(error.message).toContain('Invalid user credentials');
    expect(JSON.stringify(error)).not.toContain('wrong');
  });

  it('accepts the seeded SSO token and tokens from the password grant', async () => {
    serverNow = new Date();
    const sso = createDciClient({
      url: emulator.url,
      retry: false,
      auth: { type: 'sso', token: emulator.seed.ssoToken },
    });
    expect((await sso.identity()).name).toBe('partner');
    const grant = createDciClient({
      url: emulator.url,
      retry: false,
      auth: { type: 'sso-password', ssoUrl: emulator.url, username: 'rh-viewer', password: 'rh-viewer' },
    });
    expect((await grant.identity()).name).toBe('rh-viewer');
    const bad = createDciClient({
      url: emulator.url,
      retry: false,
      auth: { type: 'sso', token: 'not-a-token' },
    });
    expect((await failure(bad.identity())).status).toBe(401);
  });
});
