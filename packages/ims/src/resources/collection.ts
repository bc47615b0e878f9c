import { type PagedIterable, paginate, type Query } from '@nimbus-sdk/core';
import type { z } from 'zod';
import {
  type CallOptions,
  encodePathSegment,
  type ImsApiVersion,
  type ImsContext,
  versionPrefix,
} from '../context.js';
import { parseInput } from '../parse-input.js';

/** What a collection needs to know about its resource. */
export interface CollectionSpec {
  /** Path under the version prefix: `/images`. */
  path: string;
  /** For messages: `image`. */
  singular: string;
}

/**
 * The read, create and delete calls every IMS collection shares. IMS lists are plain JSON arrays,
 * neither filtered by default nor paginated, so a list is one page.
 */
export class Collection<T, C> {
  constructor(
    protected readonly context: ImsContext,
    protected readonly version: ImsApiVersion,
    protected readonly spec: CollectionSpec,
    private readonly createSchema: () => z.ZodType<unknown>,
  ) {}

  /** The collection's path with its version prefix (`/v3/images`). */
  protected get base(): string {
    return `${versionPrefix(this.version)}${this.spec.path}`;
  }

  /** The path of one record, with the id checked as a single path segment. */
  protected itemPath(id: string): string {
    return `${this.base}/${encodePathSegment(id, `${this.spec.singular} id`)}`;
  }

  /** Every record (one request: IMS does not paginate). */
  list(options: CallOptions = {}): PagedIterable<T, never> {
    return this.listWhere(undefined, options);
  }

  protected listWhere(query: Query | undefined, options: CallOptions): PagedIterable<T, never> {
    return paginate<T, never>(
      async (_cursor, signal) => {
        const { data } = await this.context.transport.send<T[]>({
          method: 'GET',
          path: this.base,
          ...(query ? { query } : {}),
          signal,
        });
        return { items: Array.isArray(data) ? data : [], next: undefined };
      },
      { signal: options.signal },
    );
  }

  /** One record; `NotFoundError` when there is none. */
  async get(id: string, options: CallOptions = {}): Promise<T> {
    const path = this.itemPath(id);
    const { data } = await this.context.transport.send<T>({ method: 'GET', path, signal: options.signal });
    return data;
  }

  /** Creates a record (201). Never retried: a repeated POST would make a second record. */
  async create(input: C, options: CallOptions = {}): Promise<T> {
    const body = this.toCreateBody(
      parseInput(this.createSchema(), input, `${this.spec.singular} create input`),
    );
    const { data } = await this.context.transport.send<T>({
      method: 'POST',
      path: this.base,
      body: { json: body },
      signal: options.signal,
    });
    return data;
  }

  /** The wire body of a checked create input (subclasses convert convenience forms). */
  protected toCreateBody(input: unknown): unknown {
    return input;
  }

  /** PATCHes one record with an already checked body. */
  protected async patch(id: string, body: unknown, options: CallOptions, idempotent = false): Promise<T> {
    const path = this.itemPath(id);
    const { data } = await this.context.transport.send<T>({
      method: 'PATCH',
      path,
      body: { json: body },
      idempotent,
      signal: options.signal,
    });
    return data;
  }

  /** Deletes one record with the given query (v2 `cascade`). */
  protected async deleteWith(id: string, query: Query | undefined, options: CallOptions): Promise<void> {
    await this.context.transport.send({
      method: 'DELETE',
      path: this.itemPath(id),
      ...(query ? { query } : {}),
      responseType: 'none',
      signal: options.signal,
    });
  }

  /** Deletes every record of the collection with the given query. */
  protected async deleteAllWith(query: Query | undefined, options: CallOptions): Promise<void> {
    await this.context.transport.send({
      method: 'DELETE',
      path: this.base,
      ...(query ? { query } : {}),
      responseType: 'none',
      signal: options.signal,
    });
  }
}

/** `?cascade=` as IMS reads it on v2; v3 takes no such parameter. */
export function cascadeQuery(version: ImsApiVersion, cascade: boolean | undefined): Query | undefined {
  if (version === 'v3' || cascade === undefined) return undefined;
  return { cascade: cascade ? 'true' : 'false' };
}
