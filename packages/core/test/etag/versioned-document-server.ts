import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The document the server guards with If-Match. */
export interface TaggedDocument {
  id: string;
  etag: string;
  tags: string[];
}

/** How the server answers a PUT whose If-Match is stale (412 per RFC 9110; DCI uses 404 or 409). */
export type StaleAnswer = 412 | 404 | 409;

/**
 * A real HTTP server holding one document at `/doc`, versioned by a weak ETag. It can simulate a
 * concurrent writer that sneaks in a change right before each of the next `raceNextWrites` PUTs.
 */
export interface VersionedDocumentServer {
  url: string;
  document: TaggedDocument;
  /** Method, path and If-Match of each request, in order. */
  readonly log: Array<{ method: string; ifMatch: string | undefined }>;
  raceNextWrites: number;
  staleAnswer: StaleAnswer;
  /** When set, every PUT answers this status instead. */
  failWritesWith: number | undefined;
  close(): Promise<void>;
}

export async function startVersionedDocumentServer(): Promise<VersionedDocumentServer> {
  let version = 1;
  const state: VersionedDocumentServer = {
    url: '',
    document: { id: 'doc-1', etag: 'W/"v1"', tags: ['base'] },
    log: [],
    raceNextWrites: 0,
    staleAnswer: 412,
    failWritesWith: undefined,
    close: async () => {},
  };
  const bump = (tags: string[]) => {
    version += 1;
    state.document = { ...state.document, tags, etag: `W/"v${version}"` };
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const ifMatch = req.headers['if-match'];
      state.log.push({ method: req.method ?? '', ifMatch });
      const reply = (status: number, body: unknown, etag?: string) => {
        res.writeHead(status, { 'content-type': 'application/json', ...(etag ? { etag } : {}) });
        res.end(JSON.stringify(body));
      };
      if (req.method === 'GET') return reply(200, state.document, state.document.etag);
      if (req.method !== 'PUT') return reply(405, { message: 'method not allowed' });
      if (state.failWritesWith !== undefined)
        return reply(state.failWritesWith, { message: 'write refused' });
      if (state.raceNextWrites > 0) {
        state.raceNextWrites -= 1;
        bump([...state.document.tags, `other-${version}`]);
      }
      if (ifMatch === undefined) return reply(428, { message: 'If-Match required' });
      if (ifMatch !== state.document.etag) return reply(state.staleAnswer, { message: 'etag not matched' });
      const patch = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { tags: string[] };
      bump(patch.tags);
      return reply(200, state.document, state.document.etag);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () =>
    new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((error) => (error ? reject(error) : resolve()));
    });
  return state;
}
