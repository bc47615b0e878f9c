import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTransport, isApiError, oauth2ClientCredentials } from '../../src/index.js';
import {
  type OAuth2TokenIssuer,
  oauth2TokenIssuer,
  type RunningEmulator,
  startEmulatorServer,
} from '../../src/testing/index.js';
import { seededRandom } from './seeded-random.js';

const SECRET = 'refresh-faults-secret';
let issuer: OAuth2TokenIssuer;
let tokenServer: RunningEmulator;
let apiServer: RunningEmulator;
/** How long the API waits before answering, per request (spreads the 401s of a burst over time). */
let apiDelayMs: () => number = () => 0;
let tokenRequests = 0;

beforeAll(async () => {
  issuer = oauth2TokenIssuer({ clients: { ci: { secret: SECRET } }, ttlSeconds: 300 });
  tokenServer = await startEmulatorServer({
    handler: (request) => {
      tokenRequests++;
      return issuer.handleTokenRequest(request);
    },
  });
  apiServer = await startEmulatorServer({
    handler: async (request) => {
      const delay = apiDelayMs();
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      const result = await issuer.verify(request);
      return { status: result.ok ? 200 : 401, body: result.ok ? { ok: true } : { kind: result.kind } };
    },
  });
});
afterEach(() => {
  tokenServer.faults.clear();
  apiDelayMs = () => 0;
});
afterAll(async () => {
  await tokenServer?.close();
  await apiServer?.close();
});

const strategy = () =>
  oauth2ClientCredentials({
    tokenUrl: `${tokenServer.url}/token`,
    clientId: 'ci',
    clientSecret: SECRET,
    retry: { baseDelayMs: 10, maxDelayMs: 50 },
  });

async function authorize(auth: ReturnType<typeof strategy>, signal?: AbortSignal): Promise<string> {
  const headers = new Headers();
  await auth.authorize(
    { method: 'GET', url: new URL(apiServer.url), headers, body: undefined },
    { now: () => new Date(), attempt: 1, signal },
  );
  return headers.get('authorization') ?? '';
}

describe('the shared token refresh', () => {
  it("runs under its own lifetime: one caller's abort stops only that caller's wait", async () => {
    const auth = strategy();
    tokenServer.faults.latency(300);
    const aborted = new AbortController();
    const waits = Array.from({ length: 50 }, (_, i) =>
      authorize(auth, i === 0 ? aborted.signal : new AbortController().signal),
    );
    setTimeout(() => aborted.abort(new Error('caller gave up')), 100);
    const results = await Promise.allSettled(waits);
    const [first, ...others] = results;
    expect(first?.status).toBe('rejected');
    expect(
      isApiError((first as PromiseRejectedResult).reason) && (first as PromiseRejectedResult).reason.code,
    ).toBe('ABORTED');
    expect(others.filter((r) => r.status === 'fulfilled')).toHaveLength(49);
    expect(new Set(others.map((r) => (r as PromiseFulfilledResult<string>).value)).size).toBe(1);
  });

  it('200 concurrent calls whose token was revoked, answering over a second, make 1 token request', async () => {
    const auth = strategy();
    const transport = createTransport({ baseUrl: apiServer.url, auth, retry: false });
    await transport.send({ method: 'GET', path: '/thing' });
    issuer.revokeAll();
    const random = seededRandom(8);
    apiDelayMs = () => Math.floor(random() * 1000);
    const before = tokenRequests;
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, () => transport.send({ method: 'GET', path: '/thing' })),
    );
    expect(
      results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason)),
    ).toEqual([]);
    expect(tokenRequests - before).toBe(1);
  });

  it.each([
    ['a 503', (server: RunningEmulator) => server.faults.failNext(1, 503)],
    ['two 502s', (server: RunningEmulator) => server.faults.failNext(2, 502)],
    ['a connection reset', (server: RunningEmulator) => server.faults.resetNext(1)],
  ])('retries the token request after %s before failing callers', async (_name, inject) => {
    const auth = strategy();
    inject(tokenServer);
    const tokens = await Promise.all(Array.from({ length: 10 }, () => authorize(auth)));
    expect(new Set(tokens).size).toBe(1);
    expect(tokens[0]).toMatch(/^Bearer /);
  });

  it('gives up after its retry limit with the last failure', async () => {
    let sent = 0;
    const auth = oauth2ClientCredentials({
      tokenUrl: `${tokenServer.url}/token`,
      clientId: 'ci',
      clientSecret: SECRET,
      retry: { limit: 2, baseDelayMs: 1, maxDelayMs: 5 },
      fetch: (url, init) => {
        sent++;
        return fetch(url, init);
      },
    });
    tokenServer.faults.failNext(5, 503);
    const error = await authorize(auth).catch((caught: unknown) => caught);
    expect(isApiError(error) && error.code).toBe('AUTHENTICATION');
    expect((error as Error).message).toContain('HTTP 503');
    expect(sent).toBe(3);
  });

  it('does not retry a refused client (400/401 are answers, not transient failures)', async () => {
    const auth = oauth2ClientCredentials({
      tokenUrl: `${tokenServer.url}/token`,
      clientId: 'ci',
      clientSecret: 'wrong',
      retry: { baseDelayMs: 1 },
    });
    const before = tokenRequests;
    const error = await authorize(auth).catch((caught: unknown) => caught);
    expect(isApiError(error) && error.code).toBe('AUTHENTICATION');
    expect(tokenRequests - before).toBe(1);
  });
});
