import { NotFoundError } from '@nimbus-sdk/core';
import { accountPath, type CallOptions, type SmartdcContext } from '../context.js';
import { requireText, UUID } from '../input-checks.js';
import type { Image } from '../types.js';
import { compareVersions } from '../version-order.js';

/** ListImages filters; `state: 'all'` includes inactive images. */
export interface ImageFilters {
  name?: string;
  os?: string;
  version?: string;
  public?: boolean;
  state?: Image['state'] | 'all';
  owner?: string;
  type?: string;
}

/**
 * Images, plus resolution of the names people type: a UUID, `name[@version]`, or a legacy dataset
 * URN (`sdc:sdc:base64:14.2.0`, or a prefix such as `sdc:sdc:base64:` meaning the newest one).
 */
export class ImagesResource {
  constructor(private readonly context: SmartdcContext) {}

  async list(filters: ImageFilters = {}, options: CallOptions = {}): Promise<Image[]> {
    return (
      await this.context.transport.send<Image[]>({
        method: 'GET',
        path: accountPath(this.context, 'images'),
        query: { ...filters },
        ...options,
      })
    ).data;
  }

  async get(id: string, options: CallOptions = {}): Promise<Image> {
    return (
      await this.context.transport.send<Image>({
        method: 'GET',
        path: accountPath(this.context, 'images', { id: requireText('images.get', 'id', id) }),
        ...options,
      })
    ).data;
  }

  async delete(id: string, options: CallOptions = {}): Promise<void> {
    await this.context.transport.send({
      method: 'DELETE',
      path: accountPath(this.context, 'images', { id: requireText('images.delete', 'id', id) }),
      responseType: 'none',
      ...options,
    });
  }
  /**
   * The image a user means: UUID → GetImage; `sdc:<creator>:<name>[:<version>]` URN (or prefix)
   * → newest version of that name; `name[@version]` → newest published match; else a unique
   * 8-character id prefix.
   * @example await triton.images.resolve('sdc:sdc:base64:') // newest base64
   */
  async resolve(ref: string, options: CallOptions = {}): Promise<Image> {
    requireText('images.resolve', 'ref', ref);
    if (UUID.test(ref)) return this.get(ref, options);
    const all = await this.list({ state: 'all' }, options);
    const urn = /^[^:]+:[^:]+:([^:]+)(?::([^:]*))?$/.exec(ref);
    const [name, version] = urn ? [urn[1] ?? '', urn[2] || undefined] : ref.split('@', 2);
    const byName = all
      .filter((image) => image.name === name && (version === undefined || image.version === version))
      .sort((a, b) => compareVersions(b.version, a.version) || b.published_at.localeCompare(a.published_at));
    const newest = byName[0];
    if (newest) return newest;
    const byPrefix = all.filter((image) => image.id.startsWith(ref));
    if (byPrefix.length === 1 && byPrefix[0]) return byPrefix[0];
    throw new NotFoundError(
      byPrefix.length > 1
        ? `image "${ref}" is ambiguous: ${byPrefix.map((image) => image.id).join(', ')}`
        : `no image matches "${ref}" (tried UUID, URN, name[@version] and id prefix)`,
      { status: 404 },
    );
  }
}
