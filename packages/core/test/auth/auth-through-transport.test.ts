import { afterEach, describe, expect, it } from 'vitest';
import { createTransport, hmacV4, oauth2ClientCredentials } from '../../src/index.js';
import {
  oauth2TokenIssuer,
  type RunningEmulator,
  startEmulatorServer,
  verifyHmacV4,
} from '../../src/testing/index.js';
import { DCI2_PROFILE } from './dci2-profile.js';

let emulator: RunningEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

describe('auth strategies inside createTransport and the emulator kit', () => {
  it('hmacV4 re-signs each retry with the transport clock: every attempt carries a new verified date', async () => {
    let now = Date.parse('2024-09-19T13:25:39Z');
    const attempts: { date: string; ok: boolean }[] = [];
    emulator = await startEmulatorServer({
      clock: () => new Date(now),
      handler: async (request) => {
        const result = await verifyHmacV4(request, { flavor: 'dci', lookupSecret: () => 'transport-secret' });
        attempts.push({ date: String(request.headers['x-dci-date']), ok: result.ok });
        if (attempts.length < 3) return { status: 503, body: { message: 'busy' } };
        return {
          status: result.ok ? 200 : 400,
          body: result.ok ? { accessKey: result.accessKey } : { kind: result.kind },
        };
      },
    });
    const transport = createTransport({
      baseUrl: emulator.url,
      auth: hmacV4({
        ...DCI2_PROFILE,
        accessKeyId: 'remoteci/r1',
        secretAccessKey: 'transport-secret',
        region: 'BHS3',
        service: 'api',
      }),
      retry: { limit: 3, baseDelayMs: 1, maxDelayMs: 2 },
      clock: () => {
        now += 1000;
        return new Date(now);
      },
    });
    const response = await transport.send<{ accessKey: string }>({
      method: 'GET',
      path: '/api/v1/jobs',
      query: { limit: 5 },
    });
    expect(response.data).toEqual({ accessKey: 'remoteci/r1' });
    expect(attempts).toHaveLength(3);
    expect(attempts.every((a) => a.ok)).toBe(true);
    expect(new Set(attempts.map((a) => a.date)).size).toBe(3);
  });

  it('oauth2ClientCredentials: a revoked token gets a 401, the transport asks for a new one once and succeeds', async () => {
    const issuer = oauth2TokenIssuer({ clients: { app: { secret: 'app-secret-1234' } } });
    emulator = await startEmulatorServer({
      handler: async (request) => {
        if (request.rawPath === '/token') return issuer.handleTokenRequest(request);
        const result = await issuer.verify(request);
        return result.ok
          ? { status: 200, body: { client: result.principal.clientId } }
          : { status: 401, body: { kind: result.kind } };
      },
    });
    const transport = createTransport({
      baseUrl: emulator.url,
      auth: oauth2ClientCredentials({
        tokenUrl: `${emulator.url}/token`,
        clientId: 'app',
        clientSecret: 'app-secret-1234',
      }),
      retry: false,
    });
    expect((await transport.send({ method: 'GET', path: '/me' })).data).toEqual({ client: 'app' });
    issuer.revokeAll();
    expect((await transport.send({ method: 'GET', path: '/me' })).data).toEqual({ client: 'app' });
    expect(issuer.issuedCount).toBe(2);
  });
});
