import { afterEach, describe, expect, it } from 'vitest';
import { isApiError } from '../../src/errors/api-error.js';
import { type RunningEmulator, startEmulatorServer } from '../../src/testing/index.js';
import { createTransport } from '../../src/transport/create-transport.js';
import type { SendOptions } from '../../src/transport/types.js';
import { CountingAuth } from './counting-auth.js';

let emulator: RunningEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

describe('transport error mapping', () => {
  it('maps statuses to typed errors with the server request id and a redacted URL', async () => {
    emulator = await startEmulatorServer({
      handler: (request) => ({
        status: Number(request.query.get('status')),
        headers: { 'x-dci-request-id': 'srv-123' },
        body: { fault: { text: `no luck for ${request.rawPath}`, kind: 'Missing' } },
      }),
    });
    const transport = createTransport({
      baseUrl: emulator.url,
      requestIdHeader: 'X-DCI-Request-Id',
      retry: false,
      parseErrorBody: (body) => {
        const fault = (body as { fault?: { text?: string; kind?: string } }).fault;
        return { message: fault?.text, serviceCode: fault?.kind };
      },
    });
    const cases: [number, string][] = [
      [400, 'BAD_REQUEST'],
      [403, 'PERMISSION'],
      [404, 'NOT_FOUND'],
      [409, 'CONFLICT'],
      [412, 'PRECONDITION_FAILED'],
      [429, 'RATE_LIMITED'],
      [500, 'SERVER'],
    ];
    for (const [status, code] of cases) {
      const error = await transport
        .send({ method: 'GET', path: '/jobs/7', query: { status, token: 'abc-secret-query' } })
        .catch((e) => e);
      expect(isApiError(error)).toBe(true);
      expect(error.code).toBe(code);
      expect(error.status).toBe(status);
      expect(error.requestId).toBe('srv-123');
      expect(error.message).toContain('no luck for /jobs/7');
      const json = JSON.stringify(error);
      expect(json).not.toContain('abc-secret-query');
      expect(error.toJSON().request).toEqual({
        method: 'GET',
        url: `${emulator.url}/jobs/7?status=${status}&token=%5BREDACTED%5D`,
      });
    }
  });

  it("uses its own x-request-id when the server sends none, and the caller's when given", async () => {
    const received: string[] = [];
    emulator = await startEmulatorServer({
      handler: (request) => {
        received.push(String(request.headers['x-request-id']));
        return { status: 404, body: { message: 'gone' } };
      },
    });
    const transport = createTransport({ baseUrl: emulator.url });
    const generated = await transport.send({ method: 'GET', path: '/a' }).catch((e) => e);
    expect(generated.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(received[0]).toBe(generated.requestId);
    const given = await transport
      .send({ method: 'GET', path: '/a', headers: { 'X-Request-Id': 'mine-1' } })
      .catch((e) => e);
    expect(given.requestId).toBe('mine-1');
    expect(received[1]).toBe('mine-1');
    // A transport default counts as given too (it is checked only when defaults or own headers exist).
    const withDefault = createTransport({ baseUrl: emulator.url, headers: { 'x-request-id': 'default-1' } });
    const defaulted = await withDefault.send({ method: 'GET', path: '/a' }).catch((e) => e);
    expect(defaulted.requestId).toBe('default-1');
    expect(received[2]).toBe('default-1');
  });

  it('returns 304 and accepted statuses as values', async () => {
    emulator = await startEmulatorServer({
      handler: (request) =>
        request.headers['if-none-match'] === '"v1"'
          ? { status: 304, headers: { etag: '"v1"' } }
          : { status: 404, body: { message: 'absent' } },
    });
    const transport = createTransport({ baseUrl: emulator.url });
    const notModified = await transport.send({
      method: 'GET',
      path: '/r',
      conditions: { ifNoneMatch: '"v1"' },
    });
    expect(notModified.status).toBe(304);
    expect(notModified.data).toBeUndefined();
    expect(notModified.etag).toBe('"v1"');
    const accepted = await transport.send({ method: 'GET', path: '/r', acceptStatus: [404] });
    expect(accepted.status).toBe(404);
    expect(accepted.data).toEqual({ message: 'absent' });
  });

  it('reports a refused connection as a NetworkError', async () => {
    emulator = await startEmulatorServer({ handler: () => ({ status: 200 }) });
    const url = emulator.url;
    await emulator.close();
    const transport = createTransport({ baseUrl: url, retry: { limit: 1, baseDelayMs: 1 } });
    const error = await transport.send({ method: 'GET', path: '/x' }).catch((e) => e);
    expect(error.code).toBe('NETWORK');
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('throws an HttpError for a success body that is not JSON', async () => {
    emulator = await startEmulatorServer({ handler: () => ({ status: 200, body: 'not json {' }) });
    const transport = createTransport({ baseUrl: emulator.url });
    const error = await transport.send({ method: 'GET', path: '/x' }).catch((e) => e);
    expect(error.code).toBe('HTTP');
    expect(error.message).toContain('not valid JSON');
  });

  it('reports a failing auth strategy as a SigningError, not retried as a network error', async () => {
    let calls = 0;
    emulator = await startEmulatorServer({
      handler: () => {
        calls++;
        return { status: 200 };
      },
    });
    let attempts = 0;
    const transport = createTransport({
      baseUrl: emulator.url,
      auth: {
        kind: 'broken',
        authorize: () => {
          attempts++;
          throw new RangeError('key file is empty');
        },
        describe: () => 'broken',
      },
    });
    const error = await transport.send({ method: 'GET', path: '/x' }).catch((e) => e);
    expect(error.code).toBe('SIGNING');
    expect(error.message).toBe('The broken auth strategy failed: key file is empty');
    expect(attempts).toBe(1);
    expect(calls).toBe(0);
  });

  it('rejects bad input before any request is sent', async () => {
    let calls = 0;
    emulator = await startEmulatorServer({
      handler: () => {
        calls++;
        return { status: 200 };
      },
    });
    const auth = new CountingAuth();
    const transport = createTransport({ baseUrl: emulator.url, auth });
    const bad = [
      { method: 'FETCH', path: '/x' },
      { method: 'GET', path: '' },
      { method: 'GET', path: '/has space' },
      { method: 'GET', path: '/x', body: { json: {} } },
      { method: 'POST', path: '/x', body: { json: 10n } },
      { method: 'POST', path: '/x', body: { stream: 'not a stream' } },
      { method: 'GET', path: '/x', timeoutMs: -1 },
      { method: 'GET', path: '/x', responseType: 'xml' },
      { method: 'GET', path: '/x', headers: { 'x-bad': 'line\nbreak' } },
    ];
    for (const options of bad) {
      // Deliberately malformed, as an untyped JavaScript caller could send.
      const error = await transport.send(options as unknown as SendOptions).catch((e) => e);
      expect(
        error.code,
        JSON.stringify(options, (_k, v) => (typeof v === 'bigint' ? 'bigint' : v)),
      ).toBe('VALIDATION');
    }
    expect(calls).toBe(0);
    expect(auth.authorizeCalls).toBe(0);
  });

  it('rejects a bad configuration at construction', () => {
    expect(() => createTransport({ baseUrl: 'ftp://x' })).toThrow(/baseUrl must be an absolute http/);
    expect(() => createTransport({ baseUrl: 'http://127.0.0.1:1', timeoutMs: 0 })).toThrow(/timeoutMs/);
    expect(() => createTransport({ baseUrl: 'http://127.0.0.1:1', retry: { limit: -1 } })).toThrow(
      /retry.limit/,
    );
  });
});
