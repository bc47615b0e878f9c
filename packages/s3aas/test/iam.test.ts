import { PermissionError } from '@nimbus-sdk/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { S3aasEmulator } from '../src/emulator/index.js';
import {
  createS3aasClient,
  ExordosIamError,
  exordosIamAuth,
  type IamTokens,
  NotLoggedInError,
} from '../src/index.js';
import { failureOf } from './expect-failure.js';
import { clientFor, startEmulator } from './fixture.js';

let emulator: S3aasEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ rgw: undefined });
});
beforeEach(() => emulator.reset());
afterAll(() => emulator.close());

const logins = () => emulator.requests.filter((line) => line.endsWith('/actions/get_token/invoke')).length;

describe('Exordos IAM token flow', () => {
  it('says "log in first" before sending anything when it has no token and nothing to log in with', async () => {
    const client = createS3aasClient({ url: emulator.url, iam: { url: emulator.url } });
    await expect(client.instances.list().toArray()).rejects.toBeInstanceOf(NotLoggedInError);
    await expect(client.whoami()).rejects.toThrow(/nimbus s3aas login/);
    expect(emulator.requests).toEqual([]);
  });

  it('logs in once for many calls, scoped to the MetaPaaS project, and reports who it is', async () => {
    const client = clientFor(emulator);
    await Promise.all([
      client.versions.list().toArray(),
      client.instances.list().toArray(),
      client.versions.list().toArray(),
    ]);
    expect(logins()).toBe(1);
    const me = await client.whoami();
    expect(me.user_info.name).toBe('alice');
    expect(me.project_id).toBe('4d657461-0000-0000-0000-000000000002');
    expect(me.permissions).toContain('exordos_s3.bucket.create');
  });

  it('takes the expiry from expires_at, not from expires_in (which wraps after a day)', async () => {
    const seen: IamTokens[] = [];
    const auth = exordosIamAuth({
      url: emulator.url,
      username: 'alice',
      password: 'alice-password',
      ttlSeconds: 172_800,
      onTokens: (tokens) => {
        seen.push(tokens);
      },
    });
    const started = Date.now();
    await auth.login();
    const raw = await fetch(`${emulator.url}/v1/iam/clients/default/actions/get_token/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=password&username=alice&password=alice-password&ttl=172800',
    }).then((response) => response.json() as Promise<{ expires_in: number }>);
    expect(raw.expires_in).toBe(86_399);
    const expiresAt = seen[0]?.expiresAt ?? 0;
    expect(expiresAt - started).toBeGreaterThan(172_000_000);
    expect(seen[0]?.refreshToken).toBeTruthy();
    expect(seen[0]?.projectId).toBe('4d657461-0000-0000-0000-000000000002');
  });

  it('renews with the refresh token after a 401 and replays the call once', async () => {
    const client = clientFor(emulator);
    await client.instances.list().toArray();
    emulator.expireAccessTokens();
    const before = emulator.requests.length;
    await client.instances.list().toArray();
    const after = emulator.requests.slice(before);
    expect(after).toEqual([
      'GET /v1/types/s3/instances/',
      'POST /v1/iam/clients/default/actions/get_token/invoke',
      'GET /v1/types/s3/instances/',
    ]);
  });

  it('logs in afresh when IAM refuses the refresh token', async () => {
    const client = clientFor(emulator);
    await client.instances.list().toArray();
    emulator.expireAccessTokens();
    emulator.revokeRefreshTokens();
    await client.instances.list().toArray();
    expect(logins()).toBe(3);
  });

  it('starts from a saved refresh token with no password, and says to log in again once that is refused', async () => {
    const first = exordosIamAuth({ url: emulator.url, username: 'alice', password: 'alice-password' });
    const { refreshToken } = await first.login();
    const client = createS3aasClient({ url: emulator.url, iam: { url: emulator.url, refreshToken } });
    await expect(client.instances.list().toArray()).resolves.toEqual([]);
    emulator.expireAccessTokens();
    emulator.revokeRefreshTokens();
    await expect(client.instances.list().toArray()).rejects.toThrow(/login again|log in|login` again/);
  });

  it('turns IAM error bodies into typed errors', async () => {
    const wrongPassword = createS3aasClient({
      url: emulator.url,
      iam: { url: emulator.url, username: 'alice', password: 'nope' },
    });
    const refused = await failureOf<ExordosIamError>(wrongPassword.instances.list().toArray());
    expect(refused).toBeInstanceOf(ExordosIamError);
    expect(refused.iamError).toBe('invalid_grant');
    expect(refused.status).toBe(400);
    const wrongClient = createS3aasClient({
      url: emulator.url,
      iam: {
        url: emulator.url,
        clientId: '00000000-0000-0000-0000-000000000000',
        clientSecret: 'wrong',
        username: 'alice',
        password: 'alice-password',
      },
    });
    const badClient = await failureOf<ExordosIamError>(wrongClient.whoami());
    expect(badClient.iamError).toBe('invalid_client');
    const garbage = await fetch(`${emulator.url}/v1/types/s3/instances/`, {
      headers: { authorization: 'Bearer garbage' },
    });
    expect(garbage.status).toBe(401);
    expect(await garbage.json()).toMatchObject({ error: 'invalid_token' });
  });

  it('logs in with a client uuid and secret, and by email', async () => {
    const client = createS3aasClient({
      url: emulator.url,
      iam: {
        url: emulator.url,
        client: '00000000-0000-0000-0000-000000000000',
        clientId: 'GenesisCoreClientId',
        clientSecret: 'GenesisCoreSecret',
        username: 'alice@example.com',
        password: 'alice-password',
        grantType: 'email+password',
      },
    });
    expect((await client.whoami()).user_info.name).toBe('alice');
    expect(emulator.requests).toContain(
      'POST /v1/iam/clients/00000000-0000-0000-0000-000000000000/actions/get_token/invoke',
    );
  });

  it('sends X-OTP for users with OTP on, and IAM refuses a wrong code as invalid_client', async () => {
    const { otpUser } = emulator.seed;
    const login = (otp?: string) =>
      createS3aasClient({
        url: emulator.url,
        iam: {
          url: emulator.url,
          username: otpUser.username,
          password: otpUser.password,
          ...(otp ? { otp } : {}),
        },
      });
    expect((await login(otpUser.otp).whoami()).otp_verified).toBe(true);
    const wrong = await failureOf<ExordosIamError>(login('000000').whoami());
    expect(wrong.iamError).toBe('invalid_client');
  });

  it('answers 403 to a user without the s3aas role, and to no token at all', async () => {
    const bob = createS3aasClient({
      url: emulator.url,
      iam: { url: emulator.url, username: 'bob', password: 'bob-password' },
    });
    const denied = await failureOf<PermissionError>(bob.instances.list().toArray());
    expect(denied).toBeInstanceOf(PermissionError);
    expect(denied.message).toContain('Policy rule exordos_s3.s3_instance.read is disallowed.');
    const anonymous = await fetch(`${emulator.url}/v1/types/s3/instances/`);
    expect(anonymous.status).toBe(403);
    expect(await anonymous.json()).toMatchObject({ type: 'PolicyNotAuthorized', code: 10000001 });
  });

  it('never lets a secret reach describe() or an error', async () => {
    const client = createS3aasClient({
      url: emulator.url,
      iam: { url: emulator.url, username: 'alice', password: 'pw-s3cr3t-value' },
    });
    const error = await failureOf<ExordosIamError>(client.instances.list().toArray());
    expect(JSON.stringify(error.toJSON()) + error.message + client.iam.describe()).not.toContain(
      'pw-s3cr3t-value',
    );
  });
});
