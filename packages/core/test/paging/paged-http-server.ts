import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a test route answers. */
export interface PagedAnswer {
  status?: number;
  headers?: Record<string, string>;
  body: unknown;
}

/** A real HTTP server on 127.0.0.1 that records every request path it serves. */
export interface PagedHttpServer {
  url: string;
  /** Paths with query of every request, in order. */
  readonly requests: string[];
  close(): Promise<void>;
}

export async function startPagedHttpServer(route: (url: URL) => PagedAnswer): Promise<PagedHttpServer> {
  const requests: string[] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url.pathname + url.search);
    let answer: PagedAnswer;
    try {
      answer = route(url);
    } catch (error) {
      answer = { status: 500, body: { message: String(error) } };
    }
    res.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...answer.headers });
    res.end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** GET `url` and parse the JSON body, failing loudly on a non-2xx answer. */
export async function getJson<T>(url: string, signal?: AbortSignal): Promise<{ body: T; headers: Headers }> {
  const response = await fetch(url, { signal });
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  return { body: (await response.json()) as T, headers: response.headers };
}
