import { parseInput } from '@nimbus-sdk/core/provider';
import { z } from 'zod';
import { type CallOptions, encodePathSegment, type NaasContext } from '../context.js';
import { field } from './response-fields.js';

/** An asset: a shareable link to a stored object. Unknown fields are kept. */
export interface Asset {
  id: string;
  url?: string;
  workspace_id?: string;
  storage_name?: string;
  object_name?: string;
  prefix?: string;
  object_version?: string;
  visibility?: string;
  content_disposition?: string;
  [key: string]: unknown;
}

/** Input of {@link Assets.create}. */
export interface AssetCreate {
  storage_name: string;
  object_name: string;
  object_version?: string;
  /** `public` or `private`. */
  visibility?: string;
  /** `inline` or `attachment`. */
  content_disposition?: string;
  password?: string;
}

/** Input of {@link Assets.update}. */
export interface AssetUpdate {
  visibility?: string;
  content_disposition?: string;
}

const createSchema = z.strictObject({
  storage_name: z.string('storage_name is required').min(1, 'storage_name cannot be empty'),
  object_name: z.string('object_name is required').min(1, 'object_name cannot be empty'),
  object_version: z.string().optional(),
  visibility: z.string().optional(),
  content_disposition: z.string().optional(),
  password: z.string().optional(),
});
const updateSchema = z
  .strictObject({ visibility: z.string().optional(), content_disposition: z.string().optional() })
  .refine((u) => u.visibility !== undefined || u.content_disposition !== undefined, {
    message: 'give visibility or content_disposition to change',
  });

/** Naas assets (`/workspace/{ws}/asset/`). */
export class Assets {
  constructor(private readonly context: NaasContext) {}

  private path(workspaceId: string, assetId?: string): string {
    const ws = encodePathSegment(workspaceId, 'workspace id');
    return assetId === undefined
      ? `/workspace/${ws}/asset/`
      : `/workspace/${ws}/asset/${encodePathSegment(assetId, 'asset id')}`;
  }

  /** Creates an asset for a stored object; a 409 (the object already has one) is a ConflictError. */
  async create(workspaceId: string, input: AssetCreate, options: CallOptions = {}): Promise<Asset> {
    const path = this.path(workspaceId);
    const creation = parseInput(createSchema, input, 'asset');
    const { data } = await this.context.transport.send({
      method: 'POST',
      path,
      body: {
        json: { workspace_id: workspaceId, asset_creation: { workspace_id: workspaceId, ...creation } },
      },
      signal: options.signal,
    });
    return field<Asset>(data ?? {}, 'asset', 'asset create');
  }

  async get(workspaceId: string, assetId: string, options: CallOptions = {}): Promise<Asset> {
    const { data } = await this.context.transport.send({
      method: 'GET',
      path: this.path(workspaceId, assetId),
      signal: options.signal,
    });
    return field<Asset>(data, 'asset', 'asset get');
  }

  async update(
    workspaceId: string,
    assetId: string,
    input: AssetUpdate,
    options: CallOptions = {},
  ): Promise<Asset> {
    const path = this.path(workspaceId, assetId);
    const update = parseInput(updateSchema, input, 'asset update');
    const { data } = await this.context.transport.send({
      method: 'PUT',
      path,
      body: { json: { asset_update: update } },
      signal: options.signal,
    });
    return field<Asset>(data, 'asset', 'asset update');
  }

  /** Deletes an asset; unlike naas-python, a failure is reported. */
  async delete(workspaceId: string, assetId: string, options: CallOptions = {}): Promise<void> {
    await this.context.transport.send({
      method: 'DELETE',
      path: this.path(workspaceId, assetId),
      responseType: 'none',
      signal: options.signal,
    });
  }
}
