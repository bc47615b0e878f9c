import { afterEach, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulatorServer } from '../../src/testing/index.js';
import { createTransport } from '../../src/transport/create-transport.js';
import { CountingAuth } from './counting-auth.js';

let emulator: RunningEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

/** A server whose handler never answers within a test's lifetime, until closed. */
async function silentServer(): Promise<RunningEmulator> {
  emulator = await startEmulatorServer({
    handler: () => new Promise((resolve) => setTimeout(() => resolve({ status: 200 }), 20_000).unref()),
  });
  return emulator;
}

describe('transport time limits and aborts', () => {
  it('stops at the total deadline with a non-retryable TimeoutError', async () => {
    const server = await silentServer();
    const auth = new CountingAuth();
    const transport = createTransport({
      baseUrl: server.url,
      auth,
      timeoutMs: 50,
      totalTimeoutMs: 300,
      retry: { limit: 100, baseDelayMs: 1, maxDelayMs: 5 },
    });
    const error = await transport.send({ method: 'GET', path: '/slow' }).catch((e) => e);
    expect(error.code).toBe('TIMEOUT');
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('total deadline of 300 ms');
    // Several per-attempt timeouts were retried before the deadline ended it all.
    expect(auth.authorizeCalls).toBeGreaterThan(1);
    expect(auth.authorizeCalls).toBeLessThan(100);
  });

  it('reports a per-attempt timeout as a retryable TimeoutError once retries run out', async () => {
    const server = await silentServer();
    const transport = createTransport({ baseUrl: server.url, timeoutMs: 50, retry: false });
    const error = await transport.send({ method: 'GET', path: '/slow' }).catch((e) => e);
    expect(error.code).toBe('TIMEOUT');
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('timed out after 50 ms');
  });

  it('honours a per-call timeout override', async () => {
    const server = await silentServer();
    const transport = createTransport({ baseUrl: server.url, timeoutMs: 60_000, retry: false });
    const error = await transport.send({ method: 'GET', path: '/slow', timeoutMs: 40 }).catch((e) => e);
    expect(error.message).toContain('timed out after 40 ms');
  });

  it('aborts an in-flight request at once with AbortError', async () => {
    const server = await silentServer();
    const auth = new CountingAuth();
    const transport = createTransport({ baseUrl: server.url, auth, timeoutMs: 60_000 });
    const controller = new AbortController();
    const pending = transport
      .send({ method: 'GET', path: '/slow', signal: controller.signal })
      .catch((e) => e);
    setTimeout(() => controller.abort(), 30);
    const error = await pending;
    expect(error.code).toBe('ABORTED');
    expect(error.retryable).toBe(false);
    expect(auth.authorizeCalls).toBe(1);
  });

  it('settles promptly when aborted during a long backoff', async () => {
    emulator = await startEmulatorServer({ handler: () => ({ status: 200 }) });
    emulator.faults.rateLimitNext(1, 30);
    const auth = new CountingAuth();
    const transport = createTransport({ baseUrl: emulator.url, auth, retry: { limit: 2 } });
    const controller = new AbortController();
    const started = performance.now();
    const pending = transport.send({ method: 'GET', path: '/x', signal: controller.signal }).catch((e) => e);
    setTimeout(() => controller.abort(), 50);
    const error = await pending;
    expect(error.code).toBe('ABORTED');
    expect(auth.authorizeCalls).toBe(1);
    // The bound is the behaviour: settling, not sleeping out the server's 30 s Retry-After.
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('lets the caller abort a returned response stream, but not the finished attempt timer', async () => {
    emulator = await startEmulatorServer({
      handler: () => ({
        status: 200,
        // First chunk at once, the rest never: the reader is left waiting mid-body.
        body: new ReadableStream({
          start: (controller) => controller.enqueue(new TextEncoder().encode('a')),
        }),
      }),
    });
    const transport = createTransport({ baseUrl: emulator.url, timeoutMs: 50 });
    const controller = new AbortController();
    const response = await transport.send<ReadableStream<Uint8Array>>({
      method: 'GET',
      path: '/s',
      responseType: 'stream',
      signal: controller.signal,
    });
    const reader = response.data.getReader();
    expect((await reader.read()).value).toEqual(new TextEncoder().encode('a'));
    // Well past the 50 ms attempt timeout: the stream must still be open.
    await new Promise((resolve) => setTimeout(resolve, 150));
    const pending = reader.read();
    const settled = await Promise.race([
      pending.then(
        () => 'read',
        () => 'failed',
      ),
      new Promise((resolve) => setTimeout(() => resolve('still waiting'), 50)),
    ]);
    expect(settled).toBe('still waiting');
    controller.abort();
    await expect(pending).rejects.toThrow();
  });

  it('releases the caller signal once a returned stream is read through', async () => {
    emulator = await startEmulatorServer({
      handler: () => ({ status: 200, body: Buffer.from('whole body') }),
    });
    const transport = createTransport({ baseUrl: emulator.url });
    const signal = new AbortController().signal;
    let listeners = 0;
    const add = signal.addEventListener.bind(signal);
    const remove = signal.removeEventListener.bind(signal);
    signal.addEventListener = (...args: Parameters<typeof add>) => {
      listeners++;
      add(...args);
    };
    signal.removeEventListener = (...args: Parameters<typeof remove>) => {
      listeners--;
      remove(...args);
    };
    for (let i = 0; i < 3; i++) {
      const response = await transport.send<ReadableStream<Uint8Array>>({
        method: 'GET',
        path: '/s',
        responseType: 'stream',
        signal,
      });
      expect(await new Response(response.data).text()).toBe('whole body');
    }
    await transport.send({ method: 'GET', path: '/s', responseType: 'text', signal });
    expect(listeners).toBe(0);
  });

  it('sends nothing when the signal is already aborted', async () => {
    let calls = 0;
    emulator = await startEmulatorServer({
      handler: () => {
        calls++;
        return { status: 200 };
      },
    });
    const auth = new CountingAuth();
    const transport = createTransport({ baseUrl: emulator.url, auth });
    const error = await transport
      .send({ method: 'GET', path: '/x', signal: AbortSignal.abort() })
      .catch((e) => e);
    expect(error.code).toBe('ABORTED');
    expect(auth.authorizeCalls).toBe(0);
    expect(calls).toBe(0);
  });
});
