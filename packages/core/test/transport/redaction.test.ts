import { afterEach, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulatorServer } from '../../src/testing/index.js';
import type { EmulatorResponse } from '../../src/testing/types.js';
import { createTransport } from '../../src/transport/create-transport.js';
import type { LogEvent } from '../../src/transport/types.js';
import { CountingAuth, TEST_SECRET } from './counting-auth.js';

let emulator: RunningEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

describe('transport redaction', () => {
  it('never lets a secret reach a log line or an error JSON', async () => {
    let calls = 0;
    emulator = await startEmulatorServer({
      handler: (request): EmulatorResponse => {
        calls++;
        // A careless server that echoes the credentials back in its error body and headers.
        const echoed = String(request.headers.authorization);
        if (calls === 1) return { status: 503, headers: { 'x-echo': echoed }, body: { message: echoed } };
        return {
          status: 400,
          headers: { 'x-echo': echoed, 'set-cookie': 'session=abc' },
          body: { message: `bad request from ${echoed}`, password: 'hunter22', nested: { note: echoed } },
        };
      },
    });
    const events: LogEvent[] = [];
    const transport = createTransport({
      baseUrl: emulator.url,
      auth: new CountingAuth(),
      retry: { limit: 1, baseDelayMs: 1 },
      logger: { debug: (event) => events.push(event) },
    });
    const error = await transport
      .send({ method: 'GET', path: '/x', query: { access_token: 'query-token-123' } })
      .catch((e) => e);
    expect(error.status).toBe(400);
    expect(events.map((e) => e.type)).toEqual([
      'request',
      'response',
      'retry',
      'request',
      'response',
      'error',
    ]);
    const everything = [
      ...events.map((event) => JSON.stringify(event)),
      JSON.stringify(error),
      error.message,
      JSON.stringify(error.details),
    ].join('\n');
    for (const secret of [TEST_SECRET, 'query-token-123', 'hunter22', 'session=abc']) {
      expect(everything).not.toContain(secret);
    }
    // The log still says what happened.
    expect(events[0]?.headers?.authorization).toBe('[REDACTED]');
    expect(events[0]?.headers?.['x-echo-secret']).toBe('leak [REDACTED]');
    expect(events[2]?.status).toBe(503);
  });
});
