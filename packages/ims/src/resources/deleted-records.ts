import { type PagedIterable, paginate } from '@nimbus-sdk/core';
import { type CallOptions, encodePathSegment, type ImsContext } from '../context.js';
import type { ImageRecord } from './images.js';
import type { PublicKeyRecord } from './public-keys.js';
import type { RecipeRecord } from './recipes.js';
import type { DeletedFields } from './records.js';

/** A v3 soft-deleted image; its link points at `deleted/<id>/deleted_manifest.json`. */
export type DeletedImageRecord = ImageRecord & DeletedFields;
/** A v3 soft-deleted recipe. */
export type DeletedRecipeRecord = RecipeRecord & DeletedFields;
/** A v3 soft-deleted public key. */
export type DeletedPublicKeyRecord = PublicKeyRecord & DeletedFields;

/**
 * `/v3/deleted/<kind>`: records soft-deleted on v3. `undelete` moves one back (and its S3 objects);
 * `purge` deletes it for good, S3 objects included.
 */
export class DeletedRecords<T> {
  constructor(
    private readonly context: ImsContext,
    private readonly kind: 'images' | 'recipes' | 'public-keys',
    private readonly singular: string,
  ) {}

  private get base(): string {
    return `/v3/deleted/${this.kind}`;
  }

  private itemPath(id: string): string {
    return `${this.base}/${encodePathSegment(id, `deleted ${this.singular} id`)}`;
  }

  /** Every soft-deleted record (one request). */
  list(options: CallOptions = {}): PagedIterable<T, never> {
    return paginate<T, never>(
      async (_cursor, signal) => {
        const { data } = await this.context.transport.send<T[]>({ method: 'GET', path: this.base, signal });
        return { items: Array.isArray(data) ? data : [], next: undefined };
      },
      { signal: options.signal },
    );
  }

  /** One soft-deleted record; `NotFoundError` when there is none. */
  async get(id: string, options: CallOptions = {}): Promise<T> {
    const { data } = await this.context.transport.send<T>({
      method: 'GET',
      path: this.itemPath(id),
      signal: options.signal,
    });
    return data;
  }

  /** Restores the record (and its S3 objects) to the live collection. */
  async undelete(id: string, options: CallOptions = {}): Promise<void> {
    await this.context.transport.send({
      method: 'PATCH',
      path: this.itemPath(id),
      body: { json: { operation: 'undelete' } },
      responseType: 'none',
      signal: options.signal,
    });
  }

  /** Deletes the record and its S3 objects for good. */
  async purge(id: string, options: CallOptions = {}): Promise<void> {
    await this.context.transport.send({
      method: 'DELETE',
      path: this.itemPath(id),
      responseType: 'none',
      signal: options.signal,
    });
  }

  /** Purges every soft-deleted record of this kind. */
  async purgeAll(options: CallOptions = {}): Promise<void> {
    await this.context.transport.send({
      method: 'DELETE',
      path: this.base,
      responseType: 'none',
      signal: options.signal,
    });
  }
}
