import { parseInput } from '@nimbus-sdk/core/provider';
import { type CallOptions, encodePathSegment, type NaasContext } from '../context.js';
import { nameSchema } from '../request-schemas.js';
import { splitObjectPath } from '../storage/object-keys.js';
import { type NaasS3Session, sessionFromResponse } from '../storage/s3-session.js';
import { type StorageErrorFamily, throwIfEmbeddedError } from '../storage/storage-errors.js';
import { listField } from './response-fields.js';

/** An entry of a storage listing. Sizes and dates come as strings. */
export interface StorageObject {
  name: string;
  /** `file` or `folder` (free strings on the server). */
  type?: string;
  prefix?: string;
  size?: string;
  lastmodified?: string;
  [key: string]: unknown;
}

/** Naas workspace storage (`/workspace/{ws}/storage/`). Transfers go straight to S3. */
export class Storage {
  constructor(private readonly context: NaasContext) {}

  private base(workspaceId: string): string {
    return `/workspace/${encodePathSegment(workspaceId, 'workspace id')}/storage/`;
  }

  private async call(
    family: StorageErrorFamily,
    send: Parameters<NaasContext['transport']['send']>[0],
  ): Promise<unknown> {
    const { data } = await this.context.transport.send(send);
    throwIfEmbeddedError(family, data);
    return data;
  }

  async create(workspaceId: string, name: string, options: CallOptions = {}): Promise<void> {
    const path = this.base(workspaceId);
    const storageName = parseInput(nameSchema('storage name'), name, 'storage');
    encodePathSegment(storageName, 'storage name');
    await this.call('storage', {
      method: 'POST',
      path,
      body: { json: { storage: { name: storageName } } },
      signal: options.signal,
    });
  }

  async delete(workspaceId: string, name: string, options: CallOptions = {}): Promise<void> {
    const path = this.base(workspaceId);
    parseInput(nameSchema('storage name'), name, 'storage');
    await this.call('storage', {
      method: 'DELETE',
      path,
      query: { storage_name: name },
      signal: options.signal,
    });
  }

  /** Names of the workspace's storages. */
  async list(workspaceId: string, options: CallOptions = {}): Promise<string[]> {
    const data = await this.call('storage', {
      method: 'GET',
      path: this.base(workspaceId),
      signal: options.signal,
    });
    return listField<{ name: string }>(data, 'storage').map((entry) => entry.name);
  }

  /** Objects and folders under `prefix` (default the storage's top). */
  async listObjects(
    workspaceId: string,
    storageName: string,
    prefix = '',
    options: CallOptions = {},
  ): Promise<StorageObject[]> {
    const path = `${this.base(workspaceId)}${encodePathSegment(storageName, 'storage name')}`;
    const data = await this.call('object', {
      method: 'GET',
      path,
      query: { prefix },
      signal: options.signal,
    });
    return listField<StorageObject>(data, 'object');
  }

  /** Deletes one object (`dir/a.txt` → `prefix=dir&object=a.txt`). */
  async deleteObject(
    workspaceId: string,
    storageName: string,
    objectPath: string,
    options: CallOptions = {},
  ): Promise<void> {
    const path = `${this.base(workspaceId)}${encodePathSegment(storageName, 'storage name')}`;
    const query = splitObjectPath(objectPath);
    await this.call('object', { method: 'DELETE', path, query, signal: options.signal });
  }

  /** Asks for fresh S3 session credentials of one storage (secret: do not print them). */
  async credentials(
    workspaceId: string,
    storageName: string,
    options: CallOptions = {},
  ): Promise<NaasS3Session> {
    const path = `${this.base(workspaceId)}credentials/`;
    parseInput(nameSchema('storage name'), storageName, 'storage');
    const data = await this.call('storage', {
      method: 'POST',
      path,
      body: { json: { name: storageName, workspace_id: workspaceId } },
      signal: options.signal,
    });
    return sessionFromResponse(data);
  }
}
