import {
  EmulatorHttpError,
  etagFor,
  ifMatchSatisfied,
  Router,
  type RunningEmulator,
  startEmulatorServer,
} from '../../src/testing/index.js';

/** A document guarded by If-Match. */
export interface TaggedDoc {
  id: string;
  name: string;
  tags: string[];
  etag: string;
}

/** A small versioned-document service built from the emulator kit, with its fault injection. */
export interface TaggedDocsEmulator {
  server: RunningEmulator;
  docs: Map<string, TaggedDoc>;
  /** Creates applied by the server (a duplicate create shows here). */
  readonly created: number;
  /** Writes (PUT) applied by the server. */
  readonly writes: number;
  close(): Promise<void>;
}

export async function startTaggedDocsEmulator(): Promise<TaggedDocsEmulator> {
  const docs = new Map<string, TaggedDoc>();
  let created = 0;
  let writes = 0;
  const find = (id: string | undefined): TaggedDoc => {
    const doc = docs.get(id ?? '');
    if (!doc) throw new EmulatorHttpError(404, { message: `no doc ${id}` });
    return doc;
  };
  const guard = (doc: TaggedDoc, ifMatch: string | string[] | undefined) => {
    if (!ifMatchSatisfied(typeof ifMatch === 'string' ? ifMatch : undefined, doc.etag)) {
      throw new EmulatorHttpError(412, { message: 'precondition failed' });
    }
  };
  const router = new Router()
    .get('/docs', () => ({ status: 200, body: [...docs.values()] }))
    .post('/docs', (request) => {
      const { name } = request.json<{ name: string }>();
      created++;
      const doc: TaggedDoc = { id: `d${created}`, name, tags: [], etag: '' };
      doc.etag = etagFor([doc.id, doc.name, doc.tags]);
      docs.set(doc.id, doc);
      return { status: 201, headers: { etag: doc.etag }, body: doc };
    })
    .get('/docs/:id', (request) => {
      const doc = find(request.params.id);
      return { status: 200, headers: { etag: doc.etag }, body: doc };
    })
    .put('/docs/:id', (request) => {
      const doc = find(request.params.id);
      guard(doc, request.headers['if-match']);
      const { tags } = request.json<{ tags: string[] }>();
      writes++;
      doc.tags = tags;
      doc.etag = etagFor([doc.id, doc.name, doc.tags, writes]);
      return { status: 200, headers: { etag: doc.etag }, body: doc };
    })
    .delete('/docs/:id', (request) => {
      const doc = find(request.params.id);
      guard(doc, request.headers['if-match']);
      docs.delete(doc.id);
      return { status: 204 };
    });
  const server = await startEmulatorServer({ handler: router });
  return {
    server,
    docs,
    get created() {
      return created;
    },
    get writes() {
      return writes;
    },
    close: () => server.close(),
  };
}
