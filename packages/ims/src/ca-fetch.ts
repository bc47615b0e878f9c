import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeWebReadableStream } from 'node:stream/web';

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/**
 * A `fetch` that trusts exactly the given CA bundle (the `--cert` / `CA_CERT` of a Cray system,
 * whose gateway certificate is signed by the cluster's own CA). Global fetch cannot take a CA
 * without an undici dispatcher, so this goes through node:https and hands back a web Response.
 */
export function fetchTrustingCa(ca: string | Buffer): typeof fetch {
  return (input, init = {}) => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    const method = (init.method ?? 'GET').toUpperCase();
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise<Response>((resolve, reject) => {
      const request = send(url, { method, headers, ca, signal: init.signal ?? undefined }, (response) =>
        resolve(toWebResponse(response, method)),
      );
      request.on('error', reject);
      const body = init.body;
      if (body === undefined || body === null) request.end();
      else if (typeof body === 'string' || body instanceof Uint8Array) request.end(body);
      else if (body instanceof ReadableStream) {
        Readable.fromWeb(body as NodeWebReadableStream<Uint8Array>)
          .on('error', (error) => request.destroy(error))
          .pipe(request);
      } else reject(new TypeError('fetchTrustingCa sends string, byte and stream bodies only'));
    });
  };
}

function toWebResponse(response: IncomingMessage, method: string): Response {
  const status = response.statusCode ?? 0;
  const headers = new Headers();
  for (const [name, value] of Object.entries(response.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  const init = { status, statusText: response.statusMessage ?? '', headers };
  if (method === 'HEAD' || NULL_BODY_STATUSES.has(status)) {
    response.resume();
    return new Response(null, init);
  }
  return new Response(Readable.toWeb(response) as ReadableStream<Uint8Array>, init);
}
