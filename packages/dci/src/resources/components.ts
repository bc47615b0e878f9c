import { checkDownloadTarget, joinPath, writeDownload } from '@nimbus-sdk/core';
import { lazySchema, parseInput } from '@nimbus-sdk/core/provider';
import { z } from 'zod';
import {
  type CallOptions,
  type DciContext,
  UPLOAD_ATTEMPT_TIMEOUT_MS,
  type WriteOptions,
} from '../context.js';
import { dciUploadBody, type UploadProgress, type UploadSource } from '../upload-source.js';
import { lazyCollectionSpec, unwrap } from './collection.js';
import { PurgeableCollection } from './purgeable-collection.js';
import { type DciRecord, dciId, jsonObject, stateSchema } from './record.js';

/** A DCI component: one versioned artifact of a topic (a compose, an OCP build). */
export interface Component extends DciRecord {
  name: string;
  display_name: string;
  version: string;
  uid: string;
  type: string;
  canonical_project_name: string | null;
  title: string | null;
  message: string | null;
  url: string | null;
  data: Record<string, unknown>;
  tags: string[];
  topic_id: string;
  team_id: string | null;
  released_at: string;
}

/** A file stored with a component. */
export interface ComponentFile extends DciRecord {
  name: string;
  mime: string;
  size: number | string;
  md5: string | null;
  component_id: string;
}

const fields = lazySchema(() => ({
  name: z.string().min(1).optional(),
  display_name: z.string().min(1).optional(),
  type: z.string().min(1, 'type is required'),
  topic_id: dciId,
  version: z.string().optional(),
  uid: z.string().optional(),
  url: z.url('url must be a URL').optional(),
  title: z.string().optional(),
  message: z.string().optional(),
  canonical_project_name: z.string().optional(),
  team_id: dciId.optional(),
  state: stateSchema.optional(),
  data: jsonObject.optional(),
  tags: z.array(z.string().min(1)).optional(),
  released_at: z.string().optional(),
}));
const createSchema = lazySchema(() =>
  z
    .object(fields())
    .strict()
    .refine((c) => c.name !== undefined || c.display_name !== undefined, {
      message: 'a component needs a name or a display_name',
      path: ['name'],
    }),
);
const updateSchema = lazySchema(() => z.object(fields()).partial().strict());

export type ComponentCreate = z.input<ReturnType<typeof createSchema>>;
export type ComponentUpdate = z.input<ReturnType<typeof updateSchema>>;

/** `/components` and their files. */
export class Components extends PurgeableCollection<Component, ComponentCreate, ComponentUpdate> {
  constructor(context: DciContext) {
    super(
      context,
      lazyCollectionSpec(
        { path: '/components', singular: 'component', plural: 'components' },
        createSchema,
        updateSchema,
      ),
    );
  }

  /** The component's files. */
  async files(componentId: string, options: CallOptions = {}): Promise<ComponentFile[]> {
    const { data } = await this.context.transport.send<{ component_files: ComponentFile[] }>({
      method: 'GET',
      path: joinPath('components', { componentId: this.checkId(componentId) }, 'files'),
      signal: options.signal,
    });
    return data.component_files;
  }

  /** Uploads a file to the component (the server names it by its new id). */
  async uploadFile(
    componentId: string,
    source: UploadSource,
    options: CallOptions & { mime?: string; onProgress?: UploadProgress } = {},
  ): Promise<ComponentFile> {
    const id = this.checkId(componentId);
    const body = await dciUploadBody(
      source,
      options.mime ?? 'application/octet-stream',
      this.context.maxUploadBytes,
      options.onProgress,
    );
    const { data } = await this.context.transport.send({
      method: 'POST',
      path: joinPath('components', { componentId: id }, 'files'),
      body,
      signal: options.signal,
      timeoutMs: UPLOAD_ATTEMPT_TIMEOUT_MS,
    });
    return unwrap<ComponentFile>(data, 'component_file');
  }

  /** Streams a component file to `target` (as `files.download` does; a bad target fails before any request). */
  async downloadFile(
    componentId: string,
    fileId: string,
    target: string,
    options: CallOptions = {},
  ): Promise<void> {
    const id = this.checkId(componentId);
    const file = parseInput(dciId, fileId, 'component file id');
    await checkDownloadTarget(target);
    const { data } = await this.context.transport.send<ReadableStream<Uint8Array>>({
      method: 'GET',
      path: joinPath('components', { componentId: id }, 'files', { fileId: file }, 'content'),
      responseType: 'stream',
      signal: options.signal,
    });
    await writeDownload(data, target, { signal: options.signal });
  }

  /** Deletes a component file under If-Match (read first when no ETag is given). */
  /** One file of a component, with the ETag a delete needs. */
  async getFile(componentId: string, fileId: string, options: CallOptions = {}): Promise<ComponentFile> {
    const id = this.checkId(componentId);
    const file = parseInput(dciId, fileId, 'component file id');
    const { data } = await this.context.transport.send({
      method: 'GET',
      path: joinPath('components', { componentId: id }, 'files', { fileId: file }),
      signal: options.signal,
    });
    return unwrap<ComponentFile>(data, 'component_file');
  }

  async deleteFile(componentId: string, fileId: string, options: WriteOptions = {}): Promise<void> {
    const id = this.checkId(componentId);
    const file = parseInput(dciId, fileId, 'component file id');
    const etag = options.etag || ((await this.getFile(id, file, options)).etag ?? '');
    await this.context.transport.send({
      method: 'DELETE',
      path: joinPath('components', { componentId: id }, 'files', { fileId: file }),
      conditions: { ifMatch: etag },
      responseType: 'none',
      signal: options.signal,
    });
  }
}
