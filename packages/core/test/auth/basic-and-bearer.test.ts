import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthStrategy, basic, bearer, isApiError } from '../../src/index.js';
import { verifyBasic, verifyBearer } from '../../src/testing/index.js';
import { startVerifierServer } from '../verifiers/emulator-request.js';

const users = new Map([['admin', 'pässword:with-colon']]);
const tokens = new Map([
  ['tok-live-1', 'alice'],
  ['tok-live-2', 'bob'],
]);
let server: { url: string; close(): Promise<void> };

beforeAll(async () => {
  server = await startVerifierServer(async (request) => {
    const result =
      request.rawPath === '/basic'
        ? await verifyBasic(request, { lookupPassword: (user) => users.get(user) })
        : await verifyBearer(request, {
            check: (token) => {
              const user = tokens.get(token);
              if (user) return { ok: true, principal: user };
              return { ok: false, kind: token.startsWith('tok-old') ? 'expired' : 'invalid' };
            },
          });
    return { status: result.ok ? 200 : 401, body: result };
  });
});
afterAll(() => server.close());

async function call(auth: AuthStrategy | undefined, path: string) {
  const url = new URL(path, server.url);
  const headers = new Headers();
  await auth?.authorize(
    { method: 'GET', url, headers, body: undefined },
    { now: () => new Date(), attempt: 1 },
  );
  return (await (await fetch(url, { headers })).json()) as Record<string, unknown>;
}

describe('basic() with verifyBasic', () => {
  it('round-trips UTF-8 passwords containing colons', async () => {
    expect(await call(basic('admin', 'pässword:with-colon'), '/basic')).toEqual({
      ok: true,
      username: 'admin',
    });
  });

  it('maps failures to kinds', async () => {
    expect(await call(basic('admin', 'nope'), '/basic')).toMatchObject({ ok: false, kind: 'invalid' });
    expect(await call(basic('ghost', 'x'), '/basic')).toMatchObject({ ok: false, kind: 'unknown-key' });
    expect(await call(undefined, '/basic')).toMatchObject({ ok: false, kind: 'missing' });
    expect(await call(bearer('abc'), '/basic')).toMatchObject({ ok: false, kind: 'missing' });
  });

  it('rejects bad input up front and keeps the password out of describe()', () => {
    expect(() => basic('a:b', 'p')).toThrow(/must not contain ":"/);
    expect(() => basic('a', '')).toThrow(/password must be a non-empty string/);
    const auth = basic('admin', 'hunter2-secret');
    expect(auth.describe()).toBe('basic admin');
    expect(auth.secrets?.()).toEqual([
      'hunter2-secret',
      Buffer.from('admin:hunter2-secret').toString('base64'),
    ]);
  });
});

describe('bearer() with verifyBearer', () => {
  it('a static token and a rotating provider both verify', async () => {
    expect(await call(bearer('tok-live-1'), '/bearer')).toMatchObject({ ok: true, principal: 'alice' });
    let n = 0;
    const rotating = bearer(async () => `tok-live-${++n}`);
    expect(await call(rotating, '/bearer')).toMatchObject({ principal: 'alice' });
    expect(await call(rotating, '/bearer')).toMatchObject({ principal: 'bob' });
    expect(rotating.secrets?.()).toEqual(['tok-live-1', 'tok-live-2']);
    expect(rotating.describe()).toBe('bearer (token provider)');
  });

  it('maps failures to kinds', async () => {
    expect(await call(bearer('tok-old-9'), '/bearer')).toMatchObject({ ok: false, kind: 'expired' });
    expect(await call(bearer('forged'), '/bearer')).toMatchObject({ ok: false, kind: 'invalid' });
    expect(await call(basic('a', 'b'), '/bearer')).toMatchObject({ ok: false, kind: 'missing' });
  });

  it('refuses empty or multi-line tokens without echoing them', async () => {
    expect(() => bearer('')).toThrow(/bearer token must be a non-empty string/);
    const error = await call(
      bearer(() => 'secret-token\n'),
      '/bearer',
    ).catch((e: unknown) => e);
    expect(isApiError(error) && error.code).toBe('VALIDATION');
    expect((error as Error).message).not.toContain('secret-token');
  });
});
