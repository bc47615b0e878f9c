import { afterEach, describe, expect, it } from 'vitest';
import { isApiError } from '../../src/errors/api-error.js';
import { type RunningEmulator, startEmulatorServer } from '../../src/testing/index.js';
import type { EmulatorRequest } from '../../src/testing/types.js';
import { createTransport } from '../../src/transport/create-transport.js';
import { CountingAuth, steppingClock } from './counting-auth.js';

const fastRetry = { limit: 3, baseDelayMs: 1, maxDelayMs: 5 };
let emulator: RunningEmulator | undefined;

afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function recordingServer(): Promise<{ seen: EmulatorRequest[]; server: RunningEmulator }> {
  const seen: EmulatorRequest[] = [];
  emulator = await startEmulatorServer({
    handler: (request) => {
      seen.push(request);
      return { status: 200, body: { ok: true, attempt: request.headers['x-test-attempt'] } };
    },
  });
  return { seen, server: emulator };
}

describe('transport retries', () => {
  it('re-signs every attempt with a fresh date and signature', async () => {
    const { seen, server } = await recordingServer();
    server.faults.failNext(1, 503);
    const auth = new CountingAuth();
    const transport = createTransport({
      baseUrl: server.url,
      auth,
      clock: steppingClock(),
      retry: fastRetry,
    });
    const response = await transport.send<{ attempt: string }>({ method: 'GET', path: '/thing' });
    expect(response.data.attempt).toBe('2');
    expect(auth.authorizeCalls).toBe(2);
    // The fault answered attempt 1 without reaching the handler, so look at what the handler saw.
    expect(seen).toHaveLength(1);
    expect(seen[0]?.headers['x-test-attempt']).toBe('2');
    expect(new Set(auth.dates).size).toBe(2);
    expect(seen[0]?.headers['x-test-date']).toBe(auth.dates[1]);
  });

  it('sends different dates and signatures on the wire across attempts', async () => {
    const wire: string[] = [];
    let calls = 0;
    emulator = await startEmulatorServer({
      handler: (request) => {
        wire.push(`${request.headers['x-test-date']} ${request.headers.authorization}`);
        calls++;
        return calls === 1 ? { status: 502, body: { message: 'bad gateway' } } : { status: 200, body: {} };
      },
    });
    const transport = createTransport({
      baseUrl: emulator.url,
      auth: new CountingAuth(),
      clock: steppingClock(),
      retry: fastRetry,
    });
    await transport.send({ method: 'PUT', path: '/thing', body: { json: { a: 1 } } });
    expect(wire).toHaveLength(2);
    expect(new Set(wire).size).toBe(2);
  });

  it('signs each attempt on clean headers that keep the call headers and its request id', async () => {
    const seen: EmulatorRequest[] = [];
    emulator = await startEmulatorServer({
      handler: (request) => {
        seen.push(request);
        return seen.length === 1
          ? { status: 502, body: { message: 'bad gateway' } }
          : { status: 200, body: {} };
      },
    });
    const transport = createTransport({
      baseUrl: emulator.url,
      headers: { 'x-team': 'red' },
      retry: fastRetry,
      // Appends rather than sets, so headers carried over from an earlier attempt would show.
      auth: {
        kind: 'appending',
        authorize: (request, context) => request.headers.append('x-signed', `attempt-${context.attempt}`),
        describe: () => 'appending',
      },
    });
    await transport.send({ method: 'GET', path: '/thing', headers: { 'x-call': 'yes' } });
    expect(seen.map((request) => request.headers['x-signed'])).toEqual(['attempt-1', 'attempt-2']);
    expect(seen.map((request) => request.headers['x-call'])).toEqual(['yes', 'yes']);
    expect(seen.map((request) => request.headers['x-team'])).toEqual(['red', 'red']);
    const ids = seen.map((request) => request.headers['x-request-id']);
    expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[1]).toBe(ids[0]);
  });

  it('does not retry a POST on 503', async () => {
    const { server } = await recordingServer();
    server.faults.failNext(1, 503, { message: 'try later' });
    const auth = new CountingAuth();
    const transport = createTransport({ baseUrl: server.url, auth, retry: fastRetry });
    const error = await transport.send({ method: 'POST', path: '/jobs', body: { json: {} } }).catch((e) => e);
    expect(isApiError(error) && error.code).toBe('SERVER');
    expect(error.status).toBe(503);
    expect(auth.authorizeCalls).toBe(1);
  });

  it('retries a POST marked idempotent', async () => {
    const { seen, server } = await recordingServer();
    server.faults.failNext(2, 503);
    const transport = createTransport({ baseUrl: server.url, retry: fastRetry });
    const response = await transport.send({
      method: 'POST',
      path: '/jobs',
      body: { json: { name: 'x' } },
      idempotent: true,
    });
    expect(response.status).toBe(200);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.json()).toEqual({ name: 'x' });
  });

  it('gives up after the retry limit with the last error', async () => {
    const { server } = await recordingServer();
    server.faults.failNext(5, 500);
    const auth = new CountingAuth();
    const transport = createTransport({ baseUrl: server.url, auth, retry: { ...fastRetry, limit: 2 } });
    const error = await transport.send({ method: 'GET', path: '/x' }).catch((e) => e);
    expect(error.status).toBe(500);
    expect(auth.authorizeCalls).toBe(3);
    expect(server.faults.pending).toBe(2);
  });

  it('does not retry statuses outside the policy', async () => {
    const { server } = await recordingServer();
    server.faults.failNext(1, 501);
    const auth = new CountingAuth();
    const transport = createTransport({ baseUrl: server.url, auth, retry: fastRetry });
    await expect(transport.send({ method: 'GET', path: '/x' })).rejects.toMatchObject({ status: 501 });
    expect(auth.authorizeCalls).toBe(1);
  });

  it('honours a small Retry-After on 429', async () => {
    const { seen, server } = await recordingServer();
    server.faults.rateLimitNext(1, 0);
    const delays: number[] = [];
    const transport = createTransport({
      baseUrl: server.url,
      // A huge backoff proves the server's Retry-After (0 s) was used instead.
      retry: { limit: 2, baseDelayMs: 600_000, maxDelayMs: 600_000 },
      logger: { debug: (event) => event.type === 'retry' && delays.push(event.delayMs ?? -1) },
    });
    const response = await transport.send({ method: 'GET', path: '/x' });
    expect(response.status).toBe(200);
    expect(delays).toEqual([0]);
    expect(seen).toHaveLength(1);
  });

  it('honours Retry-After as an HTTP date measured on the injected clock', async () => {
    const now = new Date('2026-03-01T10:00:00Z');
    let calls = 0;
    emulator = await startEmulatorServer({
      handler: () => {
        calls++;
        if (calls > 1) return { status: 200, body: {} };
        return { status: 503, headers: { 'retry-after': new Date(now.getTime() + 1000).toUTCString() } };
      },
    });
    const delays: number[] = [];
    const transport = createTransport({
      baseUrl: emulator.url,
      clock: () => now,
      retry: { limit: 1 },
      logger: { debug: (event) => event.type === 'retry' && delays.push(event.delayMs ?? -1) },
    });
    await transport.send({ method: 'GET', path: '/x' });
    expect(delays).toEqual([1000]);
  });

  it('fails at once when Retry-After exceeds maxRetryAfterMs', async () => {
    const { server } = await recordingServer();
    server.faults.rateLimitNext(1, 3600);
    const auth = new CountingAuth();
    const transport = createTransport({
      baseUrl: server.url,
      auth,
      retry: { limit: 3, maxRetryAfterMs: 1000 },
    });
    const error = await transport.send({ method: 'GET', path: '/x' }).catch((e) => e);
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.retryAfterMs).toBe(3_600_000);
    expect(auth.authorizeCalls).toBe(1);
  });

  it('retries a GET after the connection is reset', async () => {
    const { seen, server } = await recordingServer();
    server.faults.resetNext(1);
    const transport = createTransport({ baseUrl: server.url, retry: fastRetry });
    const response = await transport.send({ method: 'GET', path: '/x' });
    expect(response.status).toBe(200);
    expect(seen).toHaveLength(1);
  });

  it('surfaces a reset POST as an ambiguous outcome (it was sent: it may have been applied) without retrying', async () => {
    const { seen, server } = await recordingServer();
    server.faults.resetNext(1);
    const auth = new CountingAuth();
    const transport = createTransport({ baseUrl: server.url, auth, retry: fastRetry });
    const error = await transport.send({ method: 'POST', path: '/x', body: { json: {} } }).catch((e) => e);
    expect(error.code).toBe('AMBIGUOUS_OUTCOME');
    expect(error.cause.code).toBe('NETWORK');
    expect(auth.authorizeCalls).toBe(1);
    expect(seen).toHaveLength(0);
  });

  it('retries an attempt that timed out, then succeeds', async () => {
    let calls = 0;
    emulator = await startEmulatorServer({
      handler: async () => {
        calls++;
        // The first answer never comes in time; the second is immediate.
        if (calls === 1) await new Promise((resolve) => setTimeout(resolve, 2000));
        return { status: 200, body: { calls } };
      },
    });
    const auth = new CountingAuth();
    const transport = createTransport({ baseUrl: emulator.url, auth, timeoutMs: 100, retry: fastRetry });
    const response = await transport.send<{ calls: number }>({ method: 'GET', path: '/slow' });
    expect(response.data.calls).toBe(2);
    expect(auth.authorizeCalls).toBe(2);
  });

  it('never retries when retry is false', async () => {
    const { server } = await recordingServer();
    server.faults.failNext(1, 503);
    const auth = new CountingAuth();
    const transport = createTransport({ baseUrl: server.url, auth, retry: false });
    await expect(transport.send({ method: 'GET', path: '/x' })).rejects.toMatchObject({ status: 503 });
    expect(auth.authorizeCalls).toBe(1);
  });
});
