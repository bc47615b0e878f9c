import { ConflictError, isApiError, type PagedIterable, pageTokenPages } from '@nimbus-sdk/core';
import type { CallOptions, S3aasContext } from '../context.js';
import { type ListOptions, listQuery } from '../list-options.js';

/** Fields every s3aas object carries. Null fields are omitted by the server, so they are optional. */
export interface S3aasRecord {
  uuid: string;
  created_at?: string;
  updated_at?: string;
}

/**
 * The restalchemy CRUD every s3aas collection shares: `GET coll/` lists (keyset paged by
 * `page_limit` and the `X-Pagination-Marker` header), `POST coll/` creates (201), `PUT coll/<id>`
 * updates with a partial body (never PATCH, which the server refuses), `DELETE coll/<id>` (204).
 * `collection` is the collection path ending in `/`; ids are already encoded.
 */
export class RestCollection<T extends S3aasRecord> {
  constructor(protected readonly context: S3aasContext) {}

  protected listAt(collection: string, options: ListOptions = {}): PagedIterable<T, string> {
    const { query, pageLimit } = listQuery(options);
    return pageTokenPages<T>({
      signal: options.signal,
      fetch: async (marker, signal) => {
        const { data, headers } = await this.context.transport.send<T[]>({
          method: 'GET',
          path: collection,
          query: { ...query, page_limit: pageLimit, page_marker: marker },
          signal,
        });
        return { items: Array.isArray(data) ? data : [], nextToken: headers.get('x-pagination-marker') };
      },
    });
  }

  protected async getAt(collection: string, id: string, options: CallOptions = {}): Promise<T> {
    const { data } = await this.context.transport.send<T>({
      method: 'GET',
      path: `${collection}${id}`,
      signal: options.signal,
    });
    return data;
  }

  /**
   * POSTs `body`. With a client-chosen `uuid` the POST is retried like an idempotent call, and a
   * 409 then means an earlier attempt already created it: the stored object is returned.
   */
  protected async createAt(
    collection: string,
    body: Record<string, unknown>,
    options: CallOptions = {},
  ): Promise<T> {
    const uuid = typeof body.uuid === 'string' ? body.uuid : undefined;
    try {
      const { data } = await this.context.transport.send<T>({
        method: 'POST',
        path: collection,
        body: { json: body },
        idempotent: uuid !== undefined,
        signal: options.signal,
      });
      return data;
    } catch (error) {
      if (!uuid || !(error instanceof ConflictError || (isApiError(error) && error.code === 'CONFLICT')))
        throw error;
      try {
        return await this.getAt(collection, encodeURIComponent(uuid), options);
      } catch {
        throw error;
      }
    }
  }

  protected async updateAt(
    collection: string,
    id: string,
    body: Record<string, unknown>,
    options: CallOptions = {},
  ): Promise<T> {
    const { data } = await this.context.transport.send<T>({
      method: 'PUT',
      path: `${collection}${id}`,
      body: { json: body },
      signal: options.signal,
    });
    return data;
  }

  protected async deleteAt(collection: string, id: string, options: CallOptions = {}): Promise<void> {
    await this.context.transport.send({
      method: 'DELETE',
      path: `${collection}${id}`,
      responseType: 'none',
      signal: options.signal,
    });
  }
}
