import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AbortError,
  ConcurrencyConflictError,
  isApiError,
  NotFoundError,
  PermissionError,
  PreconditionFailedError,
  ValidationError,
} from '../../src/errors/index.js';
import {
  DEFAULT_UPDATE_ATTEMPTS,
  type UpdateWithRetryOptions,
  updateWithRetry,
} from '../../src/etag/index.js';
import { createTransport } from '../../src/transport/index.js';
import type { Transport, TransportResponse } from '../../src/transport/types.js';
import {
  startVersionedDocumentServer,
  type TaggedDocument,
  type VersionedDocumentServer,
} from './versioned-document-server.js';

let server: VersionedDocumentServer;
let transport: Transport;

beforeEach(async () => {
  server = await startVersionedDocumentServer();
  transport = createTransport({ baseUrl: server.url, retry: { baseDelayMs: 1, maxDelayMs: 1 } });
});
afterEach(() => server.close());

type Patch = { tags: string[] };

/** Adds `tag` to the document's tags over HTTP, guarded by the read's ETag. */
function addTag(
  tag: string,
  extra: Partial<UpdateWithRetryOptions<TransportResponse<TaggedDocument>, Patch, TaggedDocument>> = {},
) {
  const mutations: Array<{ attempt: number; seen: string[] }> = [];
  const backoffs: number[] = [];
  const result = updateWithRetry<TransportResponse<TaggedDocument>, Patch, TaggedDocument>({
    read: (signal) => transport.send<TaggedDocument>({ method: 'GET', path: '/doc', signal }),
    mutate: (current, attempt) => {
      mutations.push({ attempt, seen: current.data.tags });
      return current.data.tags.includes(tag) ? undefined : { tags: [...current.data.tags, tag] };
    },
    write: async (patch, conditions, _current, signal) =>
      (
        await transport.send<TaggedDocument>({
          method: 'PUT',
          path: '/doc',
          body: { json: patch },
          conditions,
          signal,
        })
      ).data,
    backoff: (conflicts) => {
      backoffs.push(conflicts);
      return 0;
    },
    ...extra,
  });
  return { result, mutations, backoffs };
}

const methods = () => server.log.map((entry) => entry.method).join(' ');

describe('updateWithRetry over HTTP', () => {
  it('reads, mutates and writes once with the read ETag sent verbatim', async () => {
    const { result } = addTag('mine');
    await expect(result).resolves.toEqual({
      changed: true,
      attempts: 1,
      value: { id: 'doc-1', etag: 'W/"v2"', tags: ['base', 'mine'] },
    });
    expect(server.log).toEqual([
      { method: 'GET', ifMatch: undefined },
      { method: 'PUT', ifMatch: 'W/"v1"' },
    ]);
  });

  it('re-reads and re-applies the mutation after each precondition failure', async () => {
    server.raceNextWrites = 2;
    const { result, mutations, backoffs } = addTag('mine');
    const outcome = await result;
    expect(outcome.changed).toBe(true);
    expect(outcome.attempts).toBe(3);
    // The other writer's changes are kept: the mutation ran on fresh data each time.
    expect(server.document.tags).toEqual(['base', 'other-1', 'other-2', 'mine']);
    expect(mutations.map((m) => m.attempt)).toEqual([1, 2, 3]);
    expect(mutations[2]?.seen).toEqual(['base', 'other-1', 'other-2']);
    expect(backoffs).toEqual([1, 2]);
    expect(methods()).toBe('GET PUT GET PUT GET PUT');
    expect(server.log.filter((e) => e.method === 'PUT').map((e) => e.ifMatch)).toEqual([
      'W/"v1"',
      'W/"v2"',
      'W/"v3"',
    ]);
  });

  it('gives up with ConcurrencyConflictError after maxAttempts, each 412 sent exactly once', async () => {
    server.raceNextWrites = 100;
    const { result } = addTag('mine', { maxAttempts: 3 });
    const error = await result.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConcurrencyConflictError);
    expect((error as ConcurrencyConflictError).attempts).toBe(3);
    expect((error as ConcurrencyConflictError).code).toBe('CONCURRENCY_CONFLICT');
    expect((error as Error).cause).toBeInstanceOf(PreconditionFailedError);
    // Neither the transport nor anything else retried a 412 on its own.
    expect(methods()).toBe('GET PUT GET PUT GET PUT');
  });

  it('defaults to 5 attempts', async () => {
    server.raceNextWrites = 100;
    const error = await addTag('mine').result.catch((e: unknown) => e);
    expect(DEFAULT_UPDATE_ATTEMPTS).toBe(5);
    expect((error as ConcurrencyConflictError).attempts).toBe(5);
    expect(server.log.filter((e) => e.method === 'PUT')).toHaveLength(5);
  });

  it('propagates any other error at once', async () => {
    server.failWritesWith = 403;
    const error = await addTag('mine').result.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermissionError);
    expect(methods()).toBe('GET PUT');
  });

  it('writes nothing when mutate says no change is needed', async () => {
    const { result } = addTag('base');
    const outcome = await result;
    expect(outcome).toMatchObject({ changed: false, attempts: 1 });
    expect(outcome.changed === false && outcome.value.data.tags).toEqual(['base']);
    expect(methods()).toBe('GET');
  });

  it('stops as soon as a re-read shows the change was already made by someone else', async () => {
    // The racing writer adds the very tag we want; the second round finds nothing to do.
    server.raceNextWrites = 1;
    const { result } = addTag('other-1');
    await expect(result).resolves.toMatchObject({ changed: false, attempts: 2 });
    expect(methods()).toBe('GET PUT GET');
  });

  it('treats a 404 on a stale ETag as a conflict only when isConflict says so (DCI jobs)', async () => {
    server.staleAnswer = 404;
    server.raceNextWrites = 1;
    const plain = await addTag('mine').result.catch((e: unknown) => e);
    expect(plain).toBeInstanceOf(NotFoundError);
    expect(methods()).toBe('GET PUT');

    server.raceNextWrites = 1;
    const dci = addTag('mine', { isConflict: (e) => isApiError(e) && e.code === 'NOT_FOUND' });
    await expect(dci.result).resolves.toMatchObject({ changed: true, attempts: 2 });
    expect(methods()).toBe('GET PUT GET PUT GET PUT');
  });

  it('checks the signal before reading', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(addTag('mine', { signal: controller.signal }).result).rejects.toBeInstanceOf(AbortError);
    expect(server.log).toEqual([]);
  });

  it('stops during the backoff after a conflict when the signal fires', async () => {
    server.raceNextWrites = 100;
    const controller = new AbortController();
    const { result } = addTag('mine', {
      signal: controller.signal,
      backoff: () => {
        setTimeout(() => controller.abort(), 5);
        return 60_000;
      },
    });
    await expect(result).rejects.toBeInstanceOf(AbortError);
    expect(methods()).toBe('GET PUT');
  });

  it.each([0, -1, 2.5])('rejects maxAttempts = %s before any request', async (maxAttempts) => {
    await expect(addTag('mine', { maxAttempts }).result).rejects.toBeInstanceOf(ValidationError);
    expect(server.log).toEqual([]);
  });

  it('refuses to write without an ETag to guard the write', async () => {
    const error = await addTag('mine', { etag: () => undefined }).result.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toContain('no ETag');
    expect(methods()).toBe('GET');
  });

  it('reads the ETag from the entity body by default (DCI keeps it there)', async () => {
    const outcome = await updateWithRetry({
      read: async () => (await transport.send<TaggedDocument>({ method: 'GET', path: '/doc' })).data,
      mutate: (doc) => ({ tags: [...doc.tags, 'body'] }),
      write: async (patch, conditions) =>
        (
          await transport.send<TaggedDocument>({
            method: 'PUT',
            path: '/doc',
            body: { json: patch },
            conditions,
          })
        ).data,
    });
    expect(outcome).toMatchObject({ changed: true, attempts: 1, value: { tags: ['base', 'body'] } });
    expect(server.log.at(-1)?.ifMatch).toBe('W/"v1"');
  });
});
