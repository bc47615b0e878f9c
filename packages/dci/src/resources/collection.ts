import {
  AmbiguousOutcomeError,
  holdsChange,
  joinPath,
  offsetLimitPages,
  type PagedIterable,
  updateWithRetry,
} from '@nimbus-sdk/core';
import { parseInput } from '@nimbus-sdk/core/provider';
import type { z } from 'zod';
import type { CallOptions, DciContext, WriteOptions } from '../context.js';
import { type ListOptions, toListRequest } from '../list-options.js';
import { isStaleEtag, mayBeStaleEtag, StaleEtagError } from '../stale-etag.js';
import { type DciRecord, dciId } from './record.js';

/** A list answer: `{"<plural>": [...], "_meta": {"count": n}}`. */
type ListBody = Record<string, unknown> & { _meta?: { count?: number } };

/**
 * Walks `path` lazily with limit+offset (always sent together). Each page's `total` is the server's
 * `_meta.count`; a `break` stops fetching.
 */
export function listAt<T>(
  context: DciContext,
  path: string,
  plural: string,
  options?: ListOptions,
): PagedIterable<T, number> {
  const { query, pageSize, offset: startOffset } = toListRequest(options);
  return offsetLimitPages<T>({
    pageSize,
    startOffset,
    fetch: async (offset, limit, signal) => {
      const { data } = await context.transport.send<ListBody>({
        method: 'GET',
        path,
        query: { ...query, limit, offset },
        signal,
      });
      const items = data[plural];
      return { items: Array.isArray(items) ? (items as T[]) : [], total: data._meta?.count };
    },
  });
}

/** Reads `{"<singular>": {...}}` out of a body. */
export function unwrap<T>(body: unknown, singular: string): T {
  return (body as Record<string, unknown>)[singular] as T;
}

/** What differs between DCI's top-level resources. */
export interface CollectionSpec<C, U> {
  /** `/jobs` */
  path: string;
  /** Envelope keys: `job` / `jobs`. */
  singular: string;
  plural: string;
  /** Read at each create/update, never at construction, so it may be a getter (see {@link lazyCollectionSpec}). */
  createSchema: z.ZodType<C>;
  updateSchema: z.ZodType<U>;
}

/**
 * A {@link CollectionSpec} whose schemas are built on first create/update: a `nimbus dci` command
 * constructs every resource of the client but validates input of at most one.
 */
export function lazyCollectionSpec<C, U>(
  names: Pick<CollectionSpec<C, U>, 'path' | 'singular' | 'plural'>,
  createSchema: () => z.ZodType<C>,
  updateSchema: () => z.ZodType<U>,
): CollectionSpec<C, U> {
  return {
    ...names,
    get createSchema() {
      return createSchema();
    },
    get updateSchema() {
      return updateSchema();
    },
  };
}

/** An id, or an entity read earlier (its `etag` becomes the If-Match). */
export type Target = string | { id: string; etag?: string };

/**
 * The CRUD every top-level DCI resource shares: lazy lists, reads, creates, and updates/deletes that
 * always send If-Match and turn DCI's stale-ETag answers (404/409) into {@link StaleEtagError}.
 */
export class Collection<T extends DciRecord, C, U> {
  constructor(
    protected readonly context: DciContext,
    protected readonly spec: CollectionSpec<C, U>,
  ) {}

  /** Every matching row, fetched page by page as you iterate. */
  list(options?: ListOptions): PagedIterable<T, number> {
    return listAt<T>(this.context, this.spec.path, this.spec.plural, options);
  }

  /** The number of matching rows (`_meta.count`), with one small request. */
  async count(options?: Omit<ListOptions, 'pageSize'>): Promise<number> {
    for await (const page of listAt<T>(this.context, this.spec.path, this.spec.plural, {
      ...options,
      pageSize: 1,
    }).byPage()) {
      return page.total ?? page.items.length;
    }
    return 0;
  }

  /** One row, with its current ETag. */
  async get(id: string, options: CallOptions = {}): Promise<T> {
    const checked = this.checkId(id);
    const { data } = await this.context.transport.send({
      method: 'GET',
      path: joinPath(this.spec.path, { id: checked }),
      signal: options.signal,
    });
    return unwrap<T>(data, this.spec.singular);
  }

  /** Creates a row and returns it as stored. */
  async create(input: C, options: CallOptions = {}): Promise<T> {
    const body = parseInput(this.spec.createSchema, input, `${this.spec.singular} create input`);
    const name = (body as { name?: unknown }).name;
    const named = typeof name === 'string' ? ` named "${name}"` : '';
    const { data } = await this.context.transport.send({
      method: 'POST',
      path: this.spec.path,
      body: { json: body },
      signal: options.signal,
      outcomeHint: `look for a new ${this.spec.singular}${named} in the ${this.spec.plural} list before creating it again`,
    });
    return unwrap<T>(data, this.spec.singular);
  }

  /** Applies `patch` under If-Match and returns the row with its new ETag. */
  async update(target: Target, patch: U, options: WriteOptions = {}): Promise<T> {
    const body = parseInput(this.spec.updateSchema, patch, `${this.spec.singular} update`);
    const id = this.checkId(typeof target === 'string' ? target : target.id);
    const etag = await this.etagFor(target, options);
    // After a lost response, the row holding this patch means this call's own write landed.
    const landed = (current: T | undefined) => (current && holdsChange(current, body) ? current : undefined);
    return this.withStaleCheck(id, etag, landed, async () => {
      const { data } = await this.context.transport.send({
        method: 'PUT',
        path: joinPath(this.spec.path, { id }),
        body: { json: body },
        conditions: { ifMatch: etag },
        signal: options.signal,
      });
      return unwrap<T>(data, this.spec.singular);
    });
  }

  /** Soft-deletes (archives) the row under If-Match. */
  async delete(target: Target, options: WriteOptions = {}): Promise<void> {
    const id = this.checkId(typeof target === 'string' ? target : target.id);
    const etag = await this.etagFor(target, options);
    // After a lost response, a row that is gone (or archived) means this call's own delete landed.
    const landed = (current: T | undefined) =>
      current === undefined || current.state === 'archived' ? true : undefined;
    await this.withStaleCheck<unknown>(id, etag, landed, () =>
      this.context.transport.send({
        method: 'DELETE',
        path: joinPath(this.spec.path, { id }),
        conditions: { ifMatch: etag },
        responseType: 'none',
        signal: options.signal,
      }),
    );
  }

  /**
   * Read-modify-write: reads the row, applies the pure `mutate`, writes under If-Match, and starts
   * over when someone else changed it in between. `mutate` returning `undefined` writes nothing.
   *
   * @example await dci.jobs.updateWithRetry(id, (job) => ({ tags: [...job.tags, 'ok'] }))
   */
  async updateWithRetry(
    id: string,
    mutate: (current: T) => U | undefined,
    options: CallOptions & { maxAttempts?: number } = {},
  ): Promise<T> {
    const result = await updateWithRetry<T, U, T>({
      read: (signal) => this.get(id, { signal }),
      mutate: (current) => mutate(current),
      write: (patch, conditions, current, signal) =>
        this.update(current, patch, { etag: conditions.ifMatch, signal }),
      maxAttempts: options.maxAttempts,
      isConflict: isStaleEtag,
      signal: options.signal,
    });
    return result.value;
  }

  protected checkId(id: string): string {
    return parseInput(dciId, id, `${this.spec.singular} id`);
  }

  private async etagFor(target: Target, options: WriteOptions): Promise<string> {
    if (options.etag) return options.etag;
    if (typeof target !== 'string' && target.etag) return target.etag;
    const current = await this.get(typeof target === 'string' ? target : target.id, options);
    return current.etag ?? '';
  }

  /**
   * DCI folds the ETag into its lookup, so a stale one reads as "not found": re-read to tell which.
   * When an earlier attempt of the call went unanswered, the change may be this call's own: `landed`
   * turns the re-read row into the call's result if it holds this call's change; otherwise the
   * outcome is ambiguous, never a conflict.
   */
  private async withStaleCheck<R>(
    id: string,
    sentEtag: string,
    landed: (current: T | undefined) => R | undefined,
    call: () => Promise<R>,
  ): Promise<R> {
    try {
      return await call();
    } catch (error) {
      if (!mayBeStaleEtag(error)) throw error;
      const current = await this.get(id).catch(() => undefined);
      if (error.afterUnansweredAttempt) {
        const result = landed(current);
        if (result !== undefined) return result;
        throw new AmbiguousOutcomeError(
          `${this.spec.singular} ${id}: the response was lost and the row has changed since, so this change may or may not have been applied`,
          { hint: `check it with \`get ${id}\` before writing again`, cause: error },
        );
      }
      if (current && current.etag !== sentEtag) {
        throw new StaleEtagError(this.spec.singular, id, sentEtag, current.etag, error);
      }
      throw error;
    }
  }
}
