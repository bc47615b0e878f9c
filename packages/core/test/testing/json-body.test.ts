import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  bareRecord,
  isJsonObject,
  JsonBodyError,
  parseJsonBody,
  type RunningEmulator,
  startEmulatorServer,
} from '../../src/testing/index.js';

describe('parseJsonBody', () => {
  it('builds objects without a prototype, so __proto__ is an ordinary key', () => {
    const parsed = parseJsonBody('{"__proto__":{"action":"stop"},"a":{"b":1}}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(parsed)).toBeNull();
    expect(Object.getPrototypeOf(parsed.a)).toBeNull();
    expect(Object.keys(parsed)).toEqual(['__proto__', 'a']);
    const merged: Record<string, unknown> = Object.create(null);
    Object.assign(merged, parsed);
    expect(merged.action).toBeUndefined();
    expect(({} as Record<string, unknown>).action).toBeUndefined();
  });

  it('refuses nesting deeper than the limit before parsing, and accepts the limit itself', () => {
    const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
    expect(() => parseJsonBody(nested(5000))).toThrow(JsonBodyError);
    expect(() => parseJsonBody(nested(11), { maxDepth: 10 })).toThrow(/deeper than 10/);
    expect(parseJsonBody(nested(10), { maxDepth: 10 })).toBeInstanceOf(Array);
  });

  it('does not count brackets inside strings', () => {
    expect(parseJsonBody('{"a":"[[[[\\"[[["}', { maxDepth: 1 })).toEqual({ a: '[[[["[[[' });
  });

  it('reports a syntax error as such', () => {
    expect(() => parseJsonBody('{nope')).toThrow(expect.objectContaining({ reason: 'syntax' }));
  });

  it('isJsonObject accepts only objects', () => {
    expect([{}, [], null, 'x', 1].map(isJsonObject)).toEqual([true, false, false, false, false]);
  });
});

describe('bareRecord', () => {
  it('copies objects and pairs into a null-prototype record where __proto__ is a plain key', () => {
    const copy = bareRecord<unknown>([
      ['__proto__', { action: 'stop' }],
      ['a', 1],
    ]);
    expect(Object.getPrototypeOf(copy)).toBeNull();
    expect(copy.action).toBeUndefined();
    expect(Object.keys(copy)).toEqual(['__proto__', 'a']);
    expect(bareRecord({ b: 2 })).toEqual({ b: 2 });
  });
});

describe('emulator request targets', () => {
  let emulator: RunningEmulator | undefined;
  afterEach(() => emulator?.close());

  function rawStatus(port: number, target: string): Promise<string> {
    return new Promise((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () =>
        socket.write(`GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`),
      );
      let data = '';
      socket.on('data', (chunk) => {
        data += String(chunk);
      });
      socket.on('close', () => resolve(data.split('\r\n')[0] || '(connection reset)'));
      socket.on('error', () => resolve('(connection reset)'));
    });
  }

  it('answers 400 to absolute-form and unparseable targets instead of resetting the connection', async () => {
    emulator = await startEmulatorServer({ handler: () => ({ status: 200, body: { ok: true } }) });
    for (const target of ['http://127.0.0.1/x', 'http://[bad/x', '//other/x', '*']) {
      expect(await rawStatus(emulator.port, target), target).toBe('HTTP/1.1 400 Bad Request');
    }
    expect(await rawStatus(emulator.port, '/x')).toBe('HTTP/1.1 200 OK');
  });

  it('answers 500 with a message, not a reset, when an answer cannot be serialised', async () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    emulator = await startEmulatorServer({ handler: () => ({ status: 200, body: cyclic }) });
    const response = await fetch(`${emulator.url}/x`);
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ message: expect.stringContaining('could not serialise') });
  });

  it('answers a too-deep JSON body with 400 from request.json()', async () => {
    emulator = await startEmulatorServer({ handler: (request) => ({ status: 200, body: request.json() }) });
    const response = await fetch(`${emulator.url}/x`, { method: 'POST', body: '['.repeat(5000) });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ message: expect.stringContaining('deeper than 512') });
  });
});
