import { afterEach, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulatorServer } from '../../src/testing/index.js';
import { createTransport } from '../../src/transport/create-transport.js';
import { CountingAuth } from './counting-auth.js';

let emulator: RunningEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

/** Accepts only the renewed token, like a service whose first token expired. */
async function tokenServer(accepted: string): Promise<{ server: RunningEmulator; tokens: string[] }> {
  const tokens: string[] = [];
  emulator = await startEmulatorServer({
    handler: (request) => {
      const token = String(request.headers.authorization).split(' ')[1]?.split(':')[0] ?? '';
      tokens.push(token);
      if (token !== accepted) return { status: 401, body: { message: 'token expired' } };
      return { status: 200, body: { hello: 'world' } };
    },
  });
  return { server: emulator, tokens };
}

describe('transport after a 401', () => {
  it('asks the strategy for fresh credentials and sends once more', async () => {
    const { server, tokens } = await tokenServer('renewed');
    const auth = new CountingAuth();
    const transport = createTransport({ baseUrl: server.url, auth });
    const response = await transport.send({ method: 'POST', path: '/x', body: { json: {} } });
    expect(response.data).toEqual({ hello: 'world' });
    expect(tokens).toEqual(['first', 'renewed']);
    expect(auth.unauthorizedCalls).toBe(1);
  });

  it('resends only once per call', async () => {
    const { server, tokens } = await tokenServer('never');
    const auth = new CountingAuth();
    const transport = createTransport({ baseUrl: server.url, auth });
    const error = await transport.send({ method: 'GET', path: '/x' }).catch((e) => e);
    expect(error.code).toBe('AUTHENTICATION');
    expect(tokens).toEqual(['first', 'renewed']);
    expect(auth.unauthorizedCalls).toBe(1);
  });

  it('throws the 401 when the strategy cannot renew', async () => {
    const { server, tokens } = await tokenServer('renewed');
    const auth = new CountingAuth();
    auth.renew = false;
    const transport = createTransport({ baseUrl: server.url, auth });
    const error = await transport.send({ method: 'GET', path: '/x' }).catch((e) => e);
    expect(error.code).toBe('AUTHENTICATION');
    expect(error.status).toBe(401);
    expect(error.message).toContain('token expired');
    expect(tokens).toEqual(['first']);
  });

  it('settles with AbortError when the caller aborts while credentials are being renewed', async () => {
    const { server } = await tokenServer('renewed');
    const auth = new CountingAuth();
    // A renewal that only ends when its signal fires, like a token endpoint that hangs.
    auth.onUnauthorized = (context) =>
      new Promise<boolean>((_resolve, reject) =>
        context.signal?.addEventListener('abort', () => reject(context.signal?.reason), { once: true }),
      );
    const transport = createTransport({ baseUrl: server.url, auth });
    const controller = new AbortController();
    const pending = transport.send({ method: 'GET', path: '/x', signal: controller.signal }).catch((e) => e);
    setTimeout(() => controller.abort(), 50);
    const error = await pending;
    expect(error.code).toBe('ABORTED');
  });
});
