import type { CallOptions, Transport } from '@nimbus-sdk/core';

export type { CallOptions };

/** What every resource of a client shares. */
export interface DciContext {
  transport: Transport;
  /** Uploads larger than this are refused before sending. */
  maxUploadBytes: number;
}

/** Per-call options of updates and deletes. */
export interface WriteOptions extends CallOptions {
  /** The ETag to send in If-Match. Default: the entity's `etag`, else a fresh read. */
  etag?: string;
}
