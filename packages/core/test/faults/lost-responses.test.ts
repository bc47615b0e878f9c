import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { exitCodeFor } from '../../src/cli/index.js';
import {
  AmbiguousOutcomeError,
  createTransport,
  isApiError,
  type Transport,
  updateWithRetry,
} from '../../src/index.js';
import { freePort } from '../../src/testing/index.js';
import { startTaggedDocsEmulator, type TaggedDoc, type TaggedDocsEmulator } from './tagged-docs-emulator.js';

let emulator: TaggedDocsEmulator;
let transport: Transport;

beforeAll(async () => {
  emulator = await startTaggedDocsEmulator();
  transport = createTransport({ baseUrl: emulator.server.url, retry: { baseDelayMs: 1, maxDelayMs: 5 } });
});
afterAll(async () => {
  await emulator?.close();
});
beforeEach(() => {
  emulator.server.faults.clear();
});

const read = async (id: string) =>
  (await transport.send<TaggedDoc>({ method: 'GET', path: `/docs/${id}` })).data;
const create = async (name: string) =>
  (
    await transport.send<TaggedDoc>({
      method: 'POST',
      path: '/docs',
      body: { json: { name } },
      outcomeHint: `look for a doc named "${name}" before creating it again`,
    })
  ).data;
const write = (id: string, tags: string[], ifMatch: string) =>
  transport.send<TaggedDoc>({
    method: 'PUT',
    path: `/docs/${id}`,
    body: { json: { tags } },
    conditions: { ifMatch },
  });

describe('outcomes after a lost response', () => {
  it('a conditional PUT whose response was lost fails its retry with a flagged 412, not a plain conflict', async () => {
    const doc = await create('flagged');
    emulator.server.faults.dropResponseNext(1);
    const error = await write(doc.id, ['x'], doc.etag).catch((caught: unknown) => caught);
    expect(isApiError(error) && error.code).toBe('PRECONDITION_FAILED');
    expect(isApiError(error) && error.afterUnansweredAttempt).toBe(true);
    expect((await read(doc.id)).tags).toEqual(['x']);
  });

  it('updateWithRetry: a landed append after a lost response succeeds and is applied exactly once', async () => {
    const doc = await create('append');
    const writesBefore = emulator.writes;
    let dropped = false;
    const result = await updateWithRetry({
      read: () => read(doc.id),
      mutate: (current) => ({ tags: [...current.tags, 'ok'] }),
      write: async (change, conditions) => {
        if (!dropped) {
          dropped = true;
          emulator.server.faults.dropResponseNext(1);
        }
        return (await write(doc.id, change.tags, conditions.ifMatch)).data;
      },
    });
    expect(result.changed).toBe(true);
    expect((result.value as TaggedDoc).tags).toEqual(['ok']);
    expect((await read(doc.id)).tags).toEqual(['ok']);
    expect(emulator.writes - writesBefore).toBe(1);
  });

  it('updateWithRetry: when the resource changed again after the lost write, the outcome is ambiguous (never re-applied)', async () => {
    const doc = await create('raced');
    const writesBefore = emulator.writes;
    let reads = 0;
    const error = await updateWithRetry({
      read: async () => {
        reads++;
        if (reads === 2) {
          // Someone else appends between our lost write and the re-read that checks it.
          const current = await read(doc.id);
          await write(doc.id, [...current.tags, 'theirs'], current.etag);
        }
        return read(doc.id);
      },
      mutate: (current) => ({ tags: [...current.tags, 'mine'] }),
      write: async (change, conditions) => {
        emulator.server.faults.dropResponseNext(1);
        return (await write(doc.id, change.tags, conditions.ifMatch)).data;
      },
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AmbiguousOutcomeError);
    expect(exitCodeFor(error)).toBe(1);
    expect((await read(doc.id)).tags).toEqual(['mine', 'theirs']);
    expect(emulator.writes - writesBefore).toBe(2);
  });

  it('a DELETE whose response was lost succeeds on its retry (the document is gone by this call)', async () => {
    const doc = await create('deleted');
    emulator.server.faults.dropResponseNext(1);
    await transport.send({
      method: 'DELETE',
      path: `/docs/${doc.id}`,
      conditions: { ifMatch: doc.etag },
      responseType: 'none',
    });
    expect(emulator.docs.has(doc.id)).toBe(false);
  });

  it('a create whose response was lost is "may have been created" with what to look for, and is not repeated', async () => {
    const createdBefore = emulator.created;
    emulator.server.faults.dropResponseNext(1);
    const error = await create('lost-create').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AmbiguousOutcomeError);
    expect((error as AmbiguousOutcomeError).hint).toBe(
      'look for a doc named "lost-create" before creating it again',
    );
    expect((error as Error).message).toMatch(/may have been applied/);
    expect(exitCodeFor(error)).toBe(1);
    expect(emulator.created - createdBefore).toBe(1);
  });

  it('a create refused before connecting is a plain network error (nothing was sent)', async () => {
    const closed = createTransport({ baseUrl: `http://127.0.0.1:${await freePort()}`, retry: false });
    const error = await closed
      .send({ method: 'POST', path: '/docs', body: { json: { name: 'x' } } })
      .catch((caught: unknown) => caught);
    expect(isApiError(error) && error.code).toBe('NETWORK');
  });
});
