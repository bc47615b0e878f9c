import { createServer, type IncomingMessage, type RequestListener, type Server } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { EmulatorRequest, EmulatorResponse } from '../../src/testing/index.js';

/**
 * A bare node:http server on 127.0.0.1:0 turning each request into an `EmulatorRequest`, so the
 * verifiers are tested against real sockets without depending on the emulator kit.
 */
export async function startVerifierServer(
  handle: (request: EmulatorRequest) => EmulatorResponse | Promise<EmulatorResponse>,
  now: () => Date = () => new Date(),
  tls?: { key: string; cert: string },
): Promise<{ url: string; close(): Promise<void> }> {
  const listener: RequestListener = (incoming, outgoing) => {
    readRequest(incoming, now)
      .then(handle)
      .then((response) => {
        const body =
          typeof response.body === 'string' ? response.body : JSON.stringify(response.body ?? null);
        outgoing.writeHead(response.status, { 'content-type': 'application/json', ...response.headers });
        outgoing.end(body);
      })
      .catch((error: unknown) => {
        outgoing.writeHead(500);
        outgoing.end(error instanceof Error ? `${error.stack}` : String(error));
      });
  };
  const server: Server = tls ? createTlsServer(tls, listener) : createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function readRequest(incoming: IncomingMessage, now: () => Date): Promise<EmulatorRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const target = incoming.url ?? '/';
  const mark = target.indexOf('?');
  const url = new URL(target, `http://${incoming.headers.host ?? '127.0.0.1'}`);
  return {
    method: incoming.method ?? 'GET',
    url,
    rawPath: mark === -1 ? target : target.slice(0, mark),
    rawQuery: mark === -1 ? '' : target.slice(mark + 1),
    query: url.searchParams,
    headers: incoming.headers,
    body,
    params: {},
    json: <T>() => JSON.parse(body.toString('utf8')) as T,
    now,
  };
}
