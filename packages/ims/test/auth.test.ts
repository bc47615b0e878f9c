import { AuthenticationError, ValidationError } from '@nimbus-sdk/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ImsEmulator } from '../src/emulator/index.js';
import { createImsClient } from '../src/index.js';
import { clientFor, startEmulator } from './emulator-fixture.js';

let ims: ImsEmulator;

beforeAll(async () => {
  ims = await startEmulator();
});
beforeEach(() => ims.reset());
afterAll(() => ims.close());

describe('OAuth2 client credentials against the emulated Keycloak', () => {
  it('fetches one token and reuses it for later calls', async () => {
    const client = clientFor(ims);
    for (let i = 0; i < 5; i++) await client.images.list().toArray();
    expect(ims.tokensIssued).toBe(1);
  });

  it('makes one token request for 200 concurrent first calls', async () => {
    const client = clientFor(ims);
    await Promise.all(Array.from({ length: 200 }, () => client.images.list().toArray()));
    expect(ims.tokensIssued).toBe(1);
  });

  it('re-runs the grant once when the token expires between calls, and 200 concurrent 401s share it', async () => {
    const client = clientFor(ims);
    await client.images.create({ name: 'before' });
    ims.expireTokens();
    const results = await Promise.all(Array.from({ length: 200 }, () => client.images.list().toArray()));
    expect(results.every((images) => images.length === 1)).toBe(true);
    expect(ims.tokensIssued).toBe(2);
  });

  it('renews a token before it expires by re-running the grant (no refresh_token needed)', async () => {
    let now = Date.now();
    const short = await startEmulator({ tokenTtlSeconds: 60, clock: () => new Date(now) });
    try {
      const client = clientFor(short, { clock: () => new Date(now) });
      await client.images.list().toArray();
      now += 45_000; // inside the 30 s skew before expiry
      await client.images.list().toArray();
      expect(short.tokensIssued).toBe(2);
    } finally {
      await short.close();
    }
  });

  it('makes one token request for 200 concurrent calls once the cached token is about to expire', async () => {
    let now = Date.now();
    const short = await startEmulator({ tokenTtlSeconds: 60, clock: () => new Date(now) });
    try {
      const client = clientFor(short, { clock: () => new Date(now) });
      await client.images.list().toArray();
      now += 50_000;
      await Promise.all(Array.from({ length: 200 }, () => client.images.list().toArray()));
      expect(short.tokensIssued).toBe(2);
    } finally {
      await short.close();
    }
  });

  it('reports a wrong secret as an AuthenticationError that does not contain the secret', async () => {
    const secret = 'wrong-secret-value-1234';
    const client = clientFor(ims, {
      auth: { tokenUrl: ims.tokenUrl, clientId: ims.seed.clientId, clientSecret: secret },
    });
    const error = await client.images
      .list()
      .toArray()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toContain('invalid_client');
    expect(JSON.stringify(error)).not.toContain(secret);
    expect(String((error as Error).stack)).not.toContain(secret);
  });

  it('sends a static token as it is', async () => {
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: ims.seed.clientId,
      client_secret: ims.seed.clientSecret,
    });
    const response = await fetch(ims.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    const { access_token } = (await response.json()) as { access_token: string };
    const client = createImsClient({ url: ims.imsUrl, auth: { token: access_token } });
    expect(await client.images.list().toArray()).toEqual([]);
  });

  it('checks the options before any request', () => {
    expect(() => createImsClient({ url: 'ftp://x', auth: { token: 't' } })).toThrow(ValidationError);
    expect(() =>
      createImsClient({ url: ims.imsUrl, auth: { tokenUrl: ims.tokenUrl, clientId: 'a', clientSecret: '' } }),
    ).toThrow(/auth/);
    expect(ims.tokensIssued).toBe(0);
  });
});
