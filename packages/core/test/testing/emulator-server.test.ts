import { request as httpRequest } from 'node:http';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import {
  EmulatorHttpError,
  type EmulatorServerOptions,
  type RunningEmulator,
  startEmulatorServer,
} from '../../src/testing/index.js';
import type { EmulatorRequest } from '../../src/testing/types.js';

const started: RunningEmulator[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((emulator) => emulator.close()));
});

async function start(options: EmulatorServerOptions): Promise<RunningEmulator> {
  const emulator = await startEmulatorServer(options);
  started.push(emulator);
  return emulator;
}

describe('startEmulatorServer', () => {
  it('listens on 127.0.0.1 and buffers the request for the handler', async () => {
    let seen: EmulatorRequest | undefined;
    const emulator = await start({
      handler: (request) => {
        seen = request;
        return { status: 201, headers: { 'x-kind': 'job' }, body: { id: 'j1' } };
      },
    });
    expect(emulator.url).toBe(`http://127.0.0.1:${emulator.port}`);
    const response = await fetch(`${emulator.url}/jobs/a%20b?where=x%3Ay&x=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-Custom': 'Yes' },
      body: '{"name":"n"}',
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('x-kind')).toBe('job');
    expect(await response.json()).toEqual({ id: 'j1' });
    expect(seen?.method).toBe('POST');
    expect(seen?.rawPath).toBe('/jobs/a%20b');
    expect(seen?.rawQuery).toBe('where=x%3Ay&x=1');
    expect(seen?.query.get('where')).toBe('x:y');
    expect(seen?.url.href).toBe(`${emulator.url}/jobs/a%20b?where=x%3Ay&x=1`);
    expect(seen?.headers['x-custom']).toBe('Yes');
    expect(seen?.json()).toEqual({ name: 'n' });
  });

  it('answers 400 when a handler reads a body that is not JSON', async () => {
    const emulator = await start({ handler: (request) => ({ status: 200, body: request.json() }) });
    const response = await fetch(emulator.url, { method: 'POST', body: 'nope' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ message: 'request body is not valid JSON' });
  });

  it('turns a thrown EmulatorHttpError into that answer, and other throws into a 500', async () => {
    const errors: unknown[] = [];
    const emulator = await start({
      onError: (error) => errors.push(error),
      handler: (request) => {
        if (request.rawPath === '/teapot') {
          throw new EmulatorHttpError(418, { code: 'TEAPOT' }, { 'x-why': 'short and stout' });
        }
        throw new Error('handler bug');
      },
    });
    const teapot = await fetch(`${emulator.url}/teapot`);
    expect(teapot.status).toBe(418);
    expect(teapot.headers.get('x-why')).toBe('short and stout');
    expect(await teapot.json()).toEqual({ code: 'TEAPOT' });
    const broken = await fetch(`${emulator.url}/other`);
    expect(broken.status).toBe(500);
    expect(await broken.json()).toEqual({ message: 'emulator handler failed: handler bug' });
    expect(errors).toHaveLength(1);
  });

  it('writes strings, buffers, Node streams and web streams; HEAD and 204 carry no body', async () => {
    const emulator = await start({
      handler: (request) => {
        switch (request.rawPath) {
          case '/text':
            return { status: 200, body: 'plain' };
          case '/bytes':
            return { status: 200, body: Buffer.from([1, 2, 3]) };
          case '/node':
            return { status: 200, body: Readable.from([Buffer.from('no'), Buffer.from('de')]) };
          case '/web':
            return { status: 200, body: new Response('web!').body };
          default:
            return { status: 204 };
        }
      },
    });
    const text = await fetch(`${emulator.url}/text`);
    expect(text.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await text.text()).toBe('plain');
    const bytes = await fetch(`${emulator.url}/bytes`);
    expect(bytes.headers.get('content-type')).toBe('application/octet-stream');
    expect([...new Uint8Array(await bytes.arrayBuffer())]).toEqual([1, 2, 3]);
    expect(await (await fetch(`${emulator.url}/node`)).text()).toBe('node');
    expect(await (await fetch(`${emulator.url}/web`)).text()).toBe('web!');
    const head = await fetch(`${emulator.url}/text`, { method: 'HEAD' });
    expect(head.headers.get('content-length')).toBe('5');
    expect(await head.text()).toBe('');
    const empty = await fetch(`${emulator.url}/none`);
    expect(empty.status).toBe(204);
  });

  it('answers 413 to a body over the cap, declared or streamed', async () => {
    let calls = 0;
    const emulator = await start({
      maxBodyBytes: 1024,
      handler: () => {
        calls++;
        return { status: 200 };
      },
    });
    const declared = await fetch(emulator.url, { method: 'PUT', body: Buffer.alloc(2048) });
    expect(declared.status).toBe(413);
    const chunked = await fetch(emulator.url, {
      method: 'PUT',
      body: Readable.toWeb(Readable.from([Buffer.alloc(800), Buffer.alloc(800)])) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    const fits = await fetch(emulator.url, { method: 'PUT', body: Buffer.alloc(1024) });
    expect(fits.status).toBe(200);
    expect(calls).toBe(1);
  });

  it('closes kept-alive connections and can be closed twice', async () => {
    const emulator = await start({ handler: () => ({ status: 200, body: 'ok' }) });
    // A kept-alive socket with an idle connection open must not hold close() up.
    const agentResponse = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(`${emulator.url}/`, { headers: { connection: 'keep-alive' } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.end();
    });
    expect(agentResponse).toBe(200);
    await emulator.close();
    await emulator.close();
    await expect(fetch(emulator.url)).rejects.toThrow();
  });

  it('closes with a request still in flight, failing that request', async () => {
    let arrived: () => void = () => {};
    const arrival = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    const emulator = await start({
      handler: () => {
        arrived();
        return new Promise(() => {});
      },
    });
    const inFlight = fetch(emulator.url).catch((error: unknown) => error);
    await arrival;
    await emulator.close();
    expect(await inFlight).toBeInstanceOf(TypeError);
  });

  it('rejects a bad port or body cap before listening', async () => {
    const handler = () => ({ status: 200 });
    await expect(startEmulatorServer({ handler, port: 70_000 })).rejects.toThrow(/port must be/);
    await expect(startEmulatorServer({ handler, maxBodyBytes: -1 })).rejects.toThrow(/maxBodyBytes/);
  });

  it('listens on a requested fixed port', async () => {
    const first = await start({ handler: () => ({ status: 200 }) });
    const port = first.port;
    await first.close();
    const second = await start({ handler: () => ({ status: 204 }), port });
    expect(second.port).toBe(port);
    expect((await fetch(`${second.url}/`)).status).toBe(204);
  });

  it('reports the injected clock, shifted by skew', async () => {
    const fixed = new Date('2026-05-01T12:00:00Z');
    const emulator = await start({
      clock: () => fixed,
      handler: (request) => ({ status: 200, body: { now: request.now().toISOString() } }),
    });
    expect(emulator.clock().toISOString()).toBe('2026-05-01T12:00:00.000Z');
    emulator.faults.skewClock(-90_000);
    expect(await (await fetch(emulator.url)).json()).toEqual({ now: '2026-05-01T11:58:30.000Z' });
    expect(emulator.clock().toISOString()).toBe('2026-05-01T11:58:30.000Z');
  });
});
