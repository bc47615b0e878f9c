import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuthStrategy, SignableRequest } from '../../src/auth/types.js';
import { NetworkError } from '../../src/errors/transport-errors.js';
import { type RunningEmulator, startEmulatorServer } from '../../src/testing/index.js';
import type { EmulatorRequest } from '../../src/testing/types.js';
import { createTransport } from '../../src/transport/create-transport.js';
import { CORE_VERSION } from '../../src/transport/user-agent.js';

let emulator: RunningEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

/** Records what each attempt was asked to sign. */
function capturingAuth(): AuthStrategy & { signed: SignableRequest[] } {
  const signed: SignableRequest[] = [];
  return {
    kind: 'capture',
    signed,
    authorize: (request) => void signed.push(request),
    describe: () => 'capture',
  };
}

async function echoServer(): Promise<{ seen: EmulatorRequest[]; server: RunningEmulator }> {
  const seen: EmulatorRequest[] = [];
  emulator = await startEmulatorServer({
    handler: (request) => {
      seen.push(request);
      return {
        status: 200,
        body: {
          bytes: request.body.byteLength,
          sha256: createHash('sha256').update(request.body).digest('hex'),
        },
      };
    },
  });
  return { seen, server: emulator };
}

describe('transport bodies', () => {
  it('signs and sends the same JSON bytes, serialised once', async () => {
    const { seen, server } = await echoServer();
    const auth = capturingAuth();
    const transport = createTransport({ baseUrl: server.url, auth });
    await transport.send({ method: 'POST', path: '/jobs', body: { json: { name: 'é', n: 1 } } });
    const signed = auth.signed[0]?.body;
    expect(signed && Buffer.from(signed).toString()).toBe('{"name":"é","n":1}');
    expect(seen[0]?.body.equals(Buffer.from(signed ?? new Uint8Array()))).toBe(true);
    expect(seen[0]?.headers['content-type']).toBe('application/json');
  });

  it('sends exact bytes with their content type', async () => {
    const { seen, server } = await echoServer();
    const transport = createTransport({ baseUrl: server.url });
    const bytes = randomBytes(1000);
    await transport.send({ method: 'PUT', path: '/blob', body: { bytes, contentType: 'image/png' } });
    expect(seen[0]?.body.equals(bytes)).toBe(true);
    expect(seen[0]?.headers['content-type']).toBe('image/png');
  });

  it('streams a few MiB from a Node stream intact, handing the known hash to the signer', async () => {
    const { seen, server } = await echoServer();
    const auth = capturingAuth();
    const transport = createTransport({ baseUrl: server.url, auth });
    const payload = randomBytes(5 * 1024 * 1024 + 17);
    const sha256 = createHash('sha256').update(payload).digest('hex');
    const chunks = Array.from({ length: Math.ceil(payload.length / 65536) }, (_, i) =>
      payload.subarray(i * 65536, (i + 1) * 65536),
    );
    const response = await transport.send<{ bytes: number; sha256: string }>({
      method: 'PUT',
      path: '/upload',
      body: { stream: Readable.from(chunks), sha256, contentLength: payload.length },
    });
    expect(response.data).toEqual({ bytes: payload.length, sha256 });
    expect(auth.signed[0]?.body).toBeUndefined();
    expect(auth.signed[0]?.bodySha256).toBe(sha256);
    expect(seen[0]?.headers['content-length']).toBe(String(payload.length));
  });

  it('streams from a web ReadableStream with chunked encoding', async () => {
    const { seen, server } = await echoServer();
    const transport = createTransport({ baseUrl: server.url });
    const payload = randomBytes(3 * 1024 * 1024);
    const response = await transport.send<{ bytes: number; sha256: string }>({
      method: 'PUT',
      path: '/upload',
      body: { stream: Readable.toWeb(Readable.from([payload])) as ReadableStream<Uint8Array> },
    });
    expect(response.data.sha256).toBe(createHash('sha256').update(payload).digest('hex'));
    expect(seen[0]?.headers['transfer-encoding']).toBe('chunked');
  });

  it('sends the string chunks of a Node stream as UTF-8', async () => {
    const { seen, server } = await echoServer();
    const transport = createTransport({ baseUrl: server.url });
    await transport.send({
      method: 'PUT',
      path: '/upload',
      body: { stream: Readable.from(['héllo ', 'wörld']) },
    });
    expect(seen[0]?.body.toString('utf8')).toBe('héllo wörld');
  });

  it('fails a redirected streamed upload once, naming the redirect, since the stream cannot be re-sent', async () => {
    let calls = 0;
    emulator = await startEmulatorServer({
      handler: () => {
        calls++;
        return { status: 307, headers: { location: '/elsewhere' }, body: '' };
      },
    });
    const transport = createTransport({ baseUrl: emulator.url, retry: { limit: 3, baseDelayMs: 1 } });
    const error = await transport
      .send({ method: 'PUT', path: '/upload', body: { stream: Readable.from([Buffer.from('abc')]) } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as Error).message).toMatch(/redirect.*PUT http:\/\/127\.0\.0\.1:\d+\/upload/);
    expect(calls).toBe(1);
  });

  it('never retries a streamed body', async () => {
    const { server } = await echoServer();
    server.faults.failNext(1, 503);
    const auth = capturingAuth();
    const transport = createTransport({ baseUrl: server.url, auth, retry: { limit: 3, baseDelayMs: 1 } });
    const error = await transport
      .send({ method: 'PUT', path: '/upload', body: { stream: Readable.from([Buffer.from('abc')]) } })
      .catch((e) => e);
    expect(error.status).toBe(503);
    expect(auth.signed).toHaveLength(1);
  });

  it('reads each response type, and an empty JSON body as undefined', async () => {
    emulator = await startEmulatorServer({
      handler: (request) => {
        if (request.rawPath === '/empty') return { status: 200, body: '' };
        if (request.rawPath === '/nocontent') return { status: 204 };
        return { status: 200, body: Buffer.from('héllo') };
      },
    });
    const transport = createTransport({ baseUrl: emulator.url });
    expect((await transport.send({ method: 'GET', path: '/empty' })).data).toBeUndefined();
    expect((await transport.send({ method: 'DELETE', path: '/nocontent' })).data).toBeUndefined();
    expect((await transport.send({ method: 'GET', path: '/t', responseType: 'text' })).data).toBe('héllo');
    const bytes = await transport.send<Uint8Array>({ method: 'GET', path: '/t', responseType: 'bytes' });
    expect(Buffer.from(bytes.data).toString()).toBe('héllo');
    const stream = await transport.send<ReadableStream<Uint8Array>>({
      method: 'GET',
      path: '/t',
      responseType: 'stream',
    });
    expect(await new Response(stream.data).text()).toBe('héllo');
    expect((await transport.send({ method: 'GET', path: '/t', responseType: 'none' })).data).toBeUndefined();
    expect((await transport.send({ method: 'HEAD', path: '/t' })).data).toBeUndefined();
  });

  it('builds URLs under the base path with RFC 3986 query encoding, and identifies itself', async () => {
    const { seen, server } = await echoServer();
    const transport = createTransport({
      baseUrl: `${server.url}/api/v1/`,
      userAgent: 'dci-client/2.0',
      headers: { 'x-team': 'a' },
    });
    await transport.send({
      method: 'GET',
      path: 'jobs',
      query: { where: 'name:a b', tag: ['x', 'y'], skip: undefined, none: null, limit: 10, ok: true },
    });
    expect(seen[0]?.rawPath).toBe('/api/v1/jobs');
    expect(seen[0]?.rawQuery).toBe('where=name%3Aa%20b&tag=x&tag=y&limit=10&ok=true');
    expect(seen[0]?.headers['user-agent']).toBe(
      `dci-client/2.0 @nimbus-sdk/core/${CORE_VERSION} node/${process.versions.node}`,
    );
    expect(seen[0]?.headers['x-team']).toBe('a');
    await transport.send({ method: 'GET', path: `${server.url}/other?page=2` });
    expect(seen[1]?.rawPath).toBe('/other');
    expect(seen[1]?.rawQuery).toBe('page=2');
  });
});
