import { z } from 'zod';
import type { CallOptions, ImsApiVersion, ImsContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { Collection, cascadeQuery } from './collection.js';
import type { ArtifactLink, ImsArch, ImsRecord } from './records.js';

/** An IMS image: a name, an architecture, free metadata, and the link to its S3 manifest. */
export interface ImageRecord extends ImsRecord {
  name: string;
  /** The manifest (`s3://boot-images/<id>/manifest.json`); null until artifacts are linked. */
  link: ArtifactLink | null;
  arch: ImsArch;
  metadata: Record<string, string>;
}

let schemas: ReturnType<typeof buildSchemas> | undefined;
function buildSchemas() {
  const link = z
    .object({
      path: z.string().regex(/^s3:\/\/[^/]+\/.+/, 'link.path must be s3://<bucket>/<key>'),
      type: z.literal('s3', 'link.type must be s3 (the only type IMS supports)'),
      etag: z.string().optional(),
    })
    .strict();
  const arch = z.enum(['x86_64', 'aarch64'], 'arch must be x86_64 or aarch64');
  const create = z
    .object({
      name: z.string('name is required').min(1, 'name cannot be empty'),
      arch: arch.optional(),
      link: link.optional(),
      metadata: z.record(z.string(), z.string()).optional(),
    })
    .strict();
  const metadataPatch = z.discriminatedUnion(
    'operation',
    [
      z.object({ operation: z.literal('set'), key: z.string().min(1), value: z.string() }).strict(),
      z.object({ operation: z.literal('remove'), key: z.string().min(1) }).strict(),
    ],
    { error: 'metadata.operation must be set (with key and value) or remove (with key)' },
  );
  const update = z
    .object({ link: link.optional(), arch: arch.optional(), metadata: metadataPatch.optional() })
    .strict()
    .refine((value) => Object.keys(value).length > 0, 'give at least one of link, arch or metadata');
  return { link, create, update };
}
const imageSchemas = () => {
  schemas ??= buildSchemas();
  return schemas;
};

/** Input of {@link Images.create}. A `link` given here is validated by IMS against S3. */
export interface ImageCreate {
  name: string;
  arch?: ImsArch;
  link?: ArtifactLink;
  metadata?: Record<string, string>;
}

/** A change of one metadata key. Removing a missing key is a no-op on the server. */
export type MetadataChange =
  | { operation: 'set'; key: string; value: string }
  | { operation: 'remove'; key: string };

/** Input of {@link Images.update}; IMS applies the keys one at a time. */
export interface ImageUpdate {
  /** Write-once: the same link again is a no-op, a different one is a 409. */
  link?: ArtifactLink;
  arch?: ImsArch;
  metadata?: MetadataChange;
}

/** Options of {@link Images.delete}. */
export interface ImageDeleteOptions extends CallOptions {
  /** v2 only: also delete the manifest and its artifacts in S3. The server's default is true. */
  cascade?: boolean;
}

/**
 * `/images` (v2, unversioned) or `/v3/images`. On v3, delete is a soft delete: the record moves to
 * `deletedImages` and can be undeleted.
 */
export class Images extends Collection<ImageRecord, ImageCreate> {
  constructor(context: ImsContext, version: ImsApiVersion) {
    super(context, version, { path: '/images', singular: 'image' }, () => imageSchemas().create);
  }

  /** PATCHes the image. Every image change is safe to repeat, so it is retried like a GET. */
  async update(id: string, change: ImageUpdate, options: CallOptions = {}): Promise<ImageRecord> {
    const body = parseInput(imageSchemas().update, change, 'image update');
    return this.patch(id, body, options, true);
  }

  /** Links the image to its manifest (write-once; IMS checks the manifest and artifacts in S3). */
  setLink(id: string, link: ArtifactLink, options: CallOptions = {}): Promise<ImageRecord> {
    return this.update(id, { link }, options);
  }

  /** Sets one metadata key. */
  setMetadata(id: string, key: string, value: string, options: CallOptions = {}): Promise<ImageRecord> {
    return this.update(id, { metadata: { operation: 'set', key, value } }, options);
  }

  /** Removes one metadata key (no-op when absent). */
  removeMetadata(id: string, key: string, options: CallOptions = {}): Promise<ImageRecord> {
    return this.update(id, { metadata: { operation: 'remove', key } }, options);
  }

  /** Deletes the image: hard (and by default its S3 objects) on v2, soft on v3. */
  delete(id: string, options: ImageDeleteOptions = {}): Promise<void> {
    return this.deleteWith(id, cascadeQuery(this.version, options.cascade), options);
  }

  /** Deletes every image of the collection. */
  deleteAll(options: ImageDeleteOptions = {}): Promise<void> {
    return this.deleteAllWith(cascadeQuery(this.version, options.cascade), options);
  }
}
