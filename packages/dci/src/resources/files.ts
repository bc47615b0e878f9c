import { checkDownloadTarget, joinPath, writeDownload } from '@nimbus-sdk/core';
import { lazySchema, parseInput } from '@nimbus-sdk/core/provider';
import { z } from 'zod';
import { type CallOptions, type DciContext, UPLOAD_ATTEMPT_TIMEOUT_MS } from '../context.js';
import { dciUploadBody, type UploadProgress, type UploadSource } from '../upload-source.js';
import { listArchived, purgeArchived } from './archived-rows.js';
import { unwrap } from './collection.js';
import { type DciRecord, dciId } from './record.js';

/** A file attached to a job (logs, JUnit results). */
export interface DciFile extends DciRecord {
  name: string;
  mime: string;
  md5: string | null;
  /** The object store's size; the server may give a string. */
  size: number | string;
  job_id: string;
  jobstate_id: string | null;
  team_id: string;
}

const uploadSchema = lazySchema(() =>
  z
    .object({
      name: z.string().min(1, 'name is required (sent as DCI-NAME)'),
      jobId: dciId.optional(),
      jobstateId: dciId.optional(),
      mime: z
        .string()
        .regex(/^[\w.+-]+\/[\w.+-]+$/, 'mime must look like type/subtype')
        .optional(),
    })
    .strict()
    .refine((input) => (input.jobId === undefined) !== (input.jobstateId === undefined), {
      message: 'give exactly one of jobId or jobstateId (the file owner)',
      path: ['jobId'],
    }),
);

/** Where a file goes and how it is labelled; `onProgress` reports streamed bytes of `{ path }` sources. */
export type FileUploadInput = z.input<ReturnType<typeof uploadSchema>> & {
  source: UploadSource;
  onProgress?: UploadProgress;
};

/** A file download: its metadata headers and the unread body. */
export interface FileContent {
  body: ReadableStream<Uint8Array>;
  contentType: string | undefined;
  contentLength: number | undefined;
}

/** `/files`: job files, uploaded as raw streamed bodies with DCI-* headers. */
export class Files {
  constructor(private readonly context: DciContext) {}

  /**
   * Uploads a file to a job (or jobstate). `mime: 'application/junit'` makes the server parse it into
   * the job's results.
   *
   * @example await dci.files.upload({ jobId, name: 'junit.xml', mime: 'application/junit', source: { path } })
   */
  async upload(input: FileUploadInput, options: CallOptions = {}): Promise<DciFile> {
    const { source, onProgress, ...labels } = input;
    const checked = parseInput(uploadSchema(), labels, 'file upload');
    const mime = checked.mime ?? 'text/plain';
    const body = await dciUploadBody(source, mime, this.context.maxUploadBytes, onProgress);
    const headers: Record<string, string> = { 'DCI-NAME': checked.name, 'DCI-MIME': mime };
    if (checked.jobId) headers['DCI-JOB-ID'] = checked.jobId;
    if (checked.jobstateId) headers['DCI-JOBSTATE-ID'] = checked.jobstateId;
    const { data } = await this.context.transport.send({
      method: 'POST',
      path: '/files',
      headers,
      body,
      signal: options.signal,
      timeoutMs: UPLOAD_ATTEMPT_TIMEOUT_MS,
    });
    return unwrap<DciFile>(data, 'file');
  }

  /** A file's metadata. */
  async get(id: string, options: CallOptions = {}): Promise<DciFile> {
    const { data } = await this.context.transport.send({
      method: 'GET',
      path: joinPath('files', { id: parseInput(dciId, id, 'file id') }),
      signal: options.signal,
    });
    return unwrap<DciFile>(data, 'file');
  }

  /** The file's bytes as a stream, unread. */
  async content(id: string, options: CallOptions = {}): Promise<FileContent> {
    const response = await this.context.transport.send<ReadableStream<Uint8Array>>({
      method: 'GET',
      path: joinPath('files', { id: parseInput(dciId, id, 'file id') }, 'content'),
      responseType: 'stream',
      signal: options.signal,
    });
    const length = response.headers.get('content-length');
    return {
      body: response.data,
      contentType: response.headers.get('content-type') ?? undefined,
      contentLength: length === null ? undefined : Number(length),
    };
  }

  /**
   * Streams the file to `target`: a regular file through `<target>.part`, renamed when complete; a
   * device, FIFO or symlink written in place; `-` to stdout. A bad target fails before any request.
   */
  async download(id: string, target: string, options: CallOptions = {}): Promise<void> {
    await checkDownloadTarget(target);
    const { body } = await this.content(id, options);
    await writeDownload(body, target, { signal: options.signal });
  }

  /** Archives the file (no If-Match: DCI does not version files). */
  async delete(id: string, options: CallOptions = {}): Promise<void> {
    await this.context.transport.send({
      method: 'DELETE',
      path: joinPath('files', { id: parseInput(dciId, id, 'file id') }),
      responseType: 'none',
      signal: options.signal,
    });
  }

  /** Files deleted (archived) and not yet purged; super admin only. */
  listPurgeable(options: CallOptions = {}): Promise<DciFile[]> {
    return listArchived<DciFile>(this.context, 'files', options);
  }

  /** Removes every archived file for good; super admin only. */
  purge(options: CallOptions = {}): Promise<void> {
    return purgeArchived(this.context, 'files', options);
  }
}
