import { z } from 'zod';
import type { CallOptions, ImsApiVersion, ImsContext } from '../context.js';
import { Collection } from './collection.js';
import type { ImsRecord } from './records.js';

/** An SSH public key that IMS installs into job containers. */
export interface PublicKeyRecord extends ImsRecord {
  name: string;
  public_key: string;
}

/** Input of {@link PublicKeys.create}. */
export interface PublicKeyCreate {
  name: string;
  public_key: string;
}

let createSchema: z.ZodType<unknown> | undefined;
const publicKeyCreateSchema = () => {
  createSchema ??= z
    .object({
      name: z.string('name is required').min(1, 'name cannot be empty'),
      public_key: z.string('public_key is required').min(1, 'public_key cannot be empty'),
    })
    .strict();
  return createSchema;
};

/** `/public-keys` (v2, unversioned) or `/v3/public-keys`. IMS has no PATCH for keys. */
export class PublicKeys extends Collection<PublicKeyRecord, PublicKeyCreate> {
  constructor(context: ImsContext, version: ImsApiVersion) {
    super(context, version, { path: '/public-keys', singular: 'public key' }, publicKeyCreateSchema);
  }

  /** Deletes the key: hard on v2, soft on v3. */
  delete(id: string, options: CallOptions = {}): Promise<void> {
    return this.deleteWith(id, undefined, options);
  }

  /** Deletes every key of the collection. */
  deleteAll(options: CallOptions = {}): Promise<void> {
    return this.deleteAllWith(undefined, options);
  }
}
