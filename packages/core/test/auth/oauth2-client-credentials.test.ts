import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthStrategy, isApiError, oauth2ClientCredentials } from '../../src/index.js';
import { type OAuth2TokenIssuer, oauth2TokenIssuer } from '../../src/testing/index.js';
import { startVerifierServer } from '../verifiers/emulator-request.js';

const SECRET = 'client-secret-value-xyz';
let time = 1_700_000_000_000;
const clock = () => time;
let issuer: OAuth2TokenIssuer;
let server: { url: string; close(): Promise<void> };
let tlsServer: { url: string; close(): Promise<void> };
let certDir: string;
let caPem: string;

async function startIssuerServer(tls?: { key: string; cert: string }) {
  return startVerifierServer(
    async (request) => {
      if (request.rawPath === '/token') return issuer.handleTokenRequest(request);
      const result = await issuer.verify(request);
      return {
        status: result.ok ? 200 : 401,
        body: result.ok ? { client: result.principal.clientId } : { kind: result.kind },
      };
    },
    () => new Date(time),
    tls,
  );
}

beforeAll(async () => {
  issuer = oauth2TokenIssuer({
    clients: { ci: { secret: SECRET, scopes: ['api', 'read'] } },
    ttlSeconds: 300,
    clock,
  });
  server = await startIssuerServer();
  certDir = await mkdtemp(join(tmpdir(), 'nimbus-tls-'));
  await promisify(execFile)('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '1',
    '-subj',
    '/CN=127.0.0.1',
    '-addext',
    'subjectAltName=IP:127.0.0.1',
    '-keyout',
    join(certDir, 'key.pem'),
    '-out',
    join(certDir, 'cert.pem'),
  ]);
  caPem = await readFile(join(certDir, 'cert.pem'), 'utf8');
  tlsServer = await startIssuerServer({ key: await readFile(join(certDir, 'key.pem'), 'utf8'), cert: caPem });
}, 60_000);

afterAll(async () => {
  await server?.close();
  await tlsServer?.close();
  if (certDir) await rm(certDir, { recursive: true, force: true });
});

async function call(auth: AuthStrategy, base = server.url) {
  const url = new URL('/api/thing', base);
  const headers = new Headers();
  await auth.authorize(
    { method: 'GET', url, headers, body: undefined },
    { now: () => new Date(time), attempt: 1 },
  );
  if (base.startsWith('https')) return { status: 0, headers };
  const response = await fetch(url, { headers });
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, headers };
}

const strategy = (extra: Partial<Parameters<typeof oauth2ClientCredentials>[0]> = {}) =>
  oauth2ClientCredentials({
    tokenUrl: `${server.url}/token`,
    clientId: 'ci',
    clientSecret: SECRET,
    scope: 'api',
    clock,
    ...extra,
  });

describe('oauth2ClientCredentials against oauth2TokenIssuer', () => {
  it('fetches a token once and reuses it until shortly before expiry', async () => {
    const auth = strategy({ refreshSkewMs: 30_000 });
    const before = issuer.issuedCount;
    expect((await call(auth)).body).toEqual({ client: 'ci' });
    expect((await call(auth)).status).toBe(200);
    expect(issuer.issuedCount - before).toBe(1);
    time += 269_000; // 31 s left: still cached
    await call(auth);
    expect(issuer.issuedCount - before).toBe(1);
    time += 2_000; // 29 s left: inside the skew, refreshed
    expect((await call(auth)).status).toBe(200);
    expect(issuer.issuedCount - before).toBe(2);
  });

  it('20 concurrent calls with an expired token make exactly one token request', async () => {
    const auth = strategy();
    await call(auth);
    time += 301_000;
    const before = issuer.issuedCount;
    const results = await Promise.all(Array.from({ length: 20 }, () => call(auth)));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(issuer.issuedCount - before).toBe(1);
    expect(new Set(results.map((r) => r.headers.get('authorization'))).size).toBe(1);
  });

  it('onUnauthorized drops a revoked token and fetches one new token for concurrent callers', async () => {
    const auth = strategy();
    await call(auth);
    issuer.revokeAll();
    expect((await call(auth)).body).toEqual({ kind: 'expired' });
    const before = issuer.issuedCount;
    const context = { now: () => new Date(time), attempt: 1 };
    const retry = await Promise.all([auth.onUnauthorized?.(context), auth.onUnauthorized?.(context)]);
    expect(retry).toEqual([true, true]);
    expect(issuer.issuedCount - before).toBe(1);
    expect((await call(auth)).status).toBe(200);
  });

  it('a refused token request is an AuthenticationError with the OAuth2 error code and no secret', async () => {
    const auth = strategy({ clientSecret: 'wrong-secret-value-123' });
    const error = await call(auth).catch((e: unknown) => e);
    expect(isApiError(error) && error.code).toBe('AUTHENTICATION');
    expect((error as Error).message).toContain('HTTP 401 invalid_client');
    const serialised = `${(error as Error).message} ${JSON.stringify(error)}`;
    expect(serialised).not.toContain('wrong-secret-value-123');
    const scope = await call(strategy({ scope: 'admin' })).catch((e: unknown) => e);
    expect((scope as Error).message).toContain('invalid_scope');
  });

  it('client_secret_post works as well', async () => {
    expect((await call(strategy({ clientAuth: 'body' }))).status).toBe(200);
  });

  it('an unreachable token endpoint is a NetworkError naming the endpoint', async () => {
    const auth = oauth2ClientCredentials({
      tokenUrl: 'http://127.0.0.1:1/token',
      clientId: 'ci',
      clientSecret: SECRET,
    });
    const error = await call(auth).catch((e: unknown) => e);
    expect(isApiError(error) && error.code).toBe('NETWORK');
    expect((error as Error).message).toContain('http://127.0.0.1:1/token');
  });

  it('trusts a self-signed token endpoint only when given its CA', async () => {
    const withCa = oauth2ClientCredentials({
      tokenUrl: `${tlsServer.url}/token`,
      clientId: 'ci',
      clientSecret: SECRET,
      ca: caPem,
      clock,
    });
    const { headers } = await call(withCa, tlsServer.url);
    expect(headers.get('authorization')).toMatch(/^Bearer [A-Za-z0-9_-]+$/);
    const without = oauth2ClientCredentials({
      tokenUrl: `${tlsServer.url}/token`,
      clientId: 'ci',
      clientSecret: SECRET,
      clock,
    });
    const error = await call(without, tlsServer.url).catch((e: unknown) => e);
    expect(isApiError(error) && error.code).toBe('NETWORK');
  });

  it('bad options fail at construction; describe() and secrets()', () => {
    expect(() =>
      oauth2ClientCredentials({ tokenUrl: 'not a url', clientId: 'a', clientSecret: 'b' }),
    ).toThrow(/tokenUrl is not a URL/);
    expect(() =>
      oauth2ClientCredentials({ tokenUrl: 'https://x/t', clientId: 'a', clientSecret: 's\n' }),
    ).toThrow(/clientSecret contains a line break/);
    const auth = strategy();
    expect(auth.describe()).toBe(`oauth2-client-credentials ci via ${server.url}/token`);
    expect(auth.describe()).not.toContain(SECRET);
    expect(auth.secrets?.()).toContain(SECRET);
  });
});
