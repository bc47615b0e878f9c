import type { PagedIterable } from '@nimbus-sdk/core';
import { type CallOptions, encodePathSegment, S3_ROOT } from '../context.js';
import type { ListOptions } from '../list-options.js';
import { RestCollection, type S3aasRecord } from './collection.js';

/** A data-plane image in the catalog (`rustfs_1`). */
export interface S3Version extends S3aasRecord {
  name: string;
  description?: string;
  image?: string;
}

const COLLECTION = `${S3_ROOT}/versions/`;

/** The read-only version catalog (`/v1/types/s3/versions/`). */
export class Versions extends RestCollection<S3Version> {
  /** Every version, paged lazily. */
  list(options?: ListOptions): PagedIterable<S3Version, string> {
    return this.listAt(COLLECTION, options);
  }
  /** One version by uuid. */
  async get(id: string, options?: CallOptions): Promise<S3Version> {
    return this.getAt(COLLECTION, encodePathSegment(id, 'version id'), options);
  }
}
