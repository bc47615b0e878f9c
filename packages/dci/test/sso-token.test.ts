import { isApiError } from '@nimbus-sdk/core';
import { type RunningEmulator, startEmulatorServer } from '@nimbus-sdk/core/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ssoPasswordToken } from '../src/index.js';

let sso: RunningEmulator;
let issued = 0;

beforeAll(async () => {
  sso = await startEmulatorServer({
    handler: (request) => {
      if (request.rawPath !== '/auth/realms/redhat-external/protocol/openid-connect/token') {
        return { status: 404, body: {} };
      }
      const form = new URLSearchParams(request.body.toString('utf8'));
      if (form.get('password') !== 'pw') return { status: 401, body: { error: 'invalid_grant' } };
      issued++;
      return { status: 200, body: { access_token: `tok-${issued}`, expires_in: 300 } };
    },
  });
});
afterAll(async () => {
  await sso?.close();
});
beforeEach(() => {
  sso.faults.clear();
});

describe('the SSO password grant under transient failures', () => {
  it.each([
    ['a 503', () => sso.faults.failNext(1, 503)],
    ['a 502 then a 504', () => sso.faults.failNext(1, 502).failNext(1, 504)],
    ['a connection reset', () => sso.faults.resetNext(1)],
  ])('retries after %s, and concurrent callers share the one token', async (_name, inject) => {
    const provider = ssoPasswordToken({
      ssoUrl: sso.url,
      username: 'u',
      password: 'pw',
      retry: { baseDelayMs: 1 },
    });
    inject();
    const tokens = await Promise.all(Array.from({ length: 10 }, () => provider()));
    expect(new Set(tokens).size).toBe(1);
  });

  it('a refused password is not retried', async () => {
    const provider = ssoPasswordToken({ ssoUrl: sso.url, username: 'u', password: 'wrong' });
    const before = issued;
    const error = await provider().catch((caught: unknown) => caught);
    expect(isApiError(error) && error.code).toBe('AUTHENTICATION');
    expect(issued).toBe(before);
  });
});
