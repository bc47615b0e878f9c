import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type LoginCallback,
  loginWithBrowser,
  readNaasCredentials,
  startLoginCallback,
} from '../src/index.js';
import { rejection, useNaasEmulator } from './fixture.js';

const ORIGIN = 'https://naas.ai';

function post(
  port: number,
  body: string,
  headers: Record<string, string>,
  method = 'POST',
  host = '127.0.0.1',
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host, port, method, path: '/', headers }, (res) => {
      let text = '';
      res.on('data', (chunk) => {
        text += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('browser login callback', () => {
  let callback: LoginCallback | undefined;
  afterEach(async () => {
    await callback?.close();
    callback = undefined;
  });
  const naas = useNaasEmulator();

  it('accepts the Naas web origin: preflight then POST, CORS for that origin only, unknown fields tolerated', async () => {
    callback = await startLoginCallback({ port: 0 });
    const preflight = await post(
      callback.port,
      '',
      { origin: ORIGIN, 'access-control-request-method': 'POST' },
      'OPTIONS',
    );
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(ORIGIN);
    const answer = await post(callback.port, JSON.stringify({ code: 'abc', client_id: 'x', extra: 1 }), {
      origin: ORIGIN,
      'content-type': 'application/json',
    });
    expect(answer.status).toBe(200);
    expect(answer.headers['access-control-allow-origin']).toBe(ORIGIN);
    expect(await callback.code).toBe('abc');
  });

  it('refuses a foreign origin (no CORS, no code taken) and a foreign Host header', async () => {
    callback = await startLoginCallback({ port: 0, timeoutMs: 5_000 });
    const foreign = await post(callback.port, JSON.stringify({ code: 'evil' }), {
      origin: 'https://evil.example',
    });
    expect(foreign.status).toBe(403);
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
    const noOrigin = await post(callback.port, JSON.stringify({ code: 'evil' }), {});
    expect(noOrigin.status).toBe(403);
    const rebound = await post(callback.port, JSON.stringify({ code: 'evil' }), {
      origin: ORIGIN,
      host: 'evil.example:38745',
    });
    expect(rebound.status).toBe(403);
    await post(callback.port, JSON.stringify({ code: 'good' }), { origin: ORIGIN });
    expect(await callback.code).toBe('good');
  });

  it('listens on 127.0.0.1 only: another address of this host is refused', async () => {
    callback = await startLoginCallback({ port: 0 });
    const address = Object.values(networkInterfaces())
      .flat()
      .find((entry) => entry && entry.family === 'IPv4' && !entry.internal)?.address;
    // 127.0.0.2 is loopback too but not the bound address: it must not connect either.
    for (const host of [address, '127.0.0.2'].filter(Boolean) as string[]) {
      const error = await rejection(post(callback.port, '{}', { origin: ORIGIN }, 'POST', host));
      expect(String((error as { code?: string }).code)).toBe('ECONNREFUSED');
    }
  });

  it('a busy port is a clear error, not a crash', async () => {
    callback = await startLoginCallback({ port: 0 });
    const error = await rejection(startLoginCallback({ port: callback.port }));
    expect(error.code).toBe('CONFIG');
    expect(error.message).toContain('already in use');
  });

  it('times out with advice for headless use', async () => {
    callback = await startLoginCallback({ port: 0, timeoutMs: 50 });
    const error = await rejection(callback.code);
    expect(error.code).toBe('TIMEOUT');
    expect(error.message).toContain('--token');
  });

  it('full login: code posted by "the browser", traded at the auth host, JWT saved', async () => {
    const file = `${naas.home}/login/.naas/credentials`;
    const jwt = await loginWithBrowser({
      port: 0,
      authUrl: naas.emulator.authUrl,
      credentialsFile: file,
      openUrl: () => {},
      onListening: (port: number) => {
        setTimeout(
          () => void post(port, JSON.stringify({ code: naas.emulator.seed.loginCode }), { origin: ORIGIN }),
          10,
        );
      },
    });
    expect(jwt).toBe(naas.emulator.seed.token);
    expect((await readNaasCredentials(file))?.jwt_token).toBe(naas.emulator.seed.token);
  });
});
