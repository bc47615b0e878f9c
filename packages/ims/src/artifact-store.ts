import { Agent as HttpsAgent } from 'node:https';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  type S3Client,
  UploadPartCopyCommand,
} from '@aws-sdk/client-s3';
import {
  createS3Client,
  type ProgressListener,
  toApiError,
  type UploadResult,
  unquoteEtag,
  uploadFile,
} from '@nimbus-sdk/core/s3';
import type { ImsS3Options } from './client-options.js';

/** What a HEAD tells about an object. */
export interface StoredObject {
  etag: string;
  size: number;
  metadata: Record<string, string>;
}

/** What a rollback removed. */
export interface PrefixCleanup {
  objects: number;
  multipartUploads: number;
}

const MANIFEST_READ_LIMIT = 1024 * 1024;
const GIB = 1024 * 1024 * 1024;

/** Where a metadata copy switches from one CopyObject to a multipart copy, and its part size. */
export interface CopyLimits {
  /** S3 refuses a single CopyObject above 5 GiB. */
  singleCopyBytes: number;
  partBytes: number;
}

const S3_COPY_LIMITS: CopyLimits = { singleCopyBytes: 5 * GIB, partBytes: GIB };

/**
 * The S3 side of the IMS workflows: uploads go through core's transfer engine (one read per file,
 * MD5 and multipart ETag checked); the few other calls (HEAD, a small GET, a metadata copy, prefix
 * cleanup) are single requests the engine does not offer.
 */
export class ArtifactStore {
  readonly client: S3Client;

  constructor(
    options: ImsS3Options,
    private readonly copyLimits: CopyLimits = S3_COPY_LIMITS,
  ) {
    this.client = createS3Client({
      endpoint: options.endpoint,
      region: options.region ?? 'us-east-1',
      credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
      forcePathStyle: true,
      ...(typeof options.sslVerify === 'string' ? { caBundle: options.sslVerify } : {}),
    });
    if (options.sslVerify === false && /^https:/i.test(options.endpoint)) {
      // The helper's S3_SSL_VERIFY=false (CSM job pods run so); the engine's client always verifies.
      const handler = this.client.config.requestHandler as {
        updateHttpClientConfig?(key: string, value: unknown): void;
      };
      handler.updateHttpClientConfig?.(
        'httpsAgent',
        new HttpsAgent({ keepAlive: true, maxSockets: 50, rejectUnauthorized: false }),
      );
    }
  }

  /** Uploads a file through the engine; a failed multipart upload is aborted, never left behind. */
  upload(input: {
    bucket: string;
    key: string;
    path: string;
    contentType: string;
    metadata: Record<string, string>;
    signal?: AbortSignal;
    onProgress?: ProgressListener;
  }): Promise<UploadResult> {
    return uploadFile({ client: this.client, ...input, onFailure: 'abort' });
  }

  /**
   * Adds `md5sum` to an object's metadata once its MD5 is known (it comes from the upload's single
   * read, after the metadata was sent), by a server-side copy onto itself; answers the new head.
   */
  async addMetadata(
    bucket: string,
    key: string,
    metadata: Record<string, string>,
    contentType: string,
    signal?: AbortSignal,
  ): Promise<StoredObject> {
    const current = await this.head(bucket, key, signal);
    if (!current)
      throw toApiError(
        Object.assign(new Error(`s3://${bucket}/${key} vanished`), { name: 'NoSuchKey' }),
        'CopyObject',
      );
    const merged = { ...current.metadata, ...metadata };
    try {
      if (current.size > this.copyLimits.singleCopyBytes) {
        await this.copyInParts(bucket, key, current.size, merged, contentType, signal);
      } else {
        await this.client.send(
          new CopyObjectCommand({
            Bucket: bucket,
            Key: key,
            CopySource: copySource(bucket, key),
            MetadataDirective: 'REPLACE',
            Metadata: merged,
            ContentType: contentType,
          }),
          { abortSignal: signal },
        );
      }
    } catch (error) {
      throw toApiError(error, `CopyObject s3://${bucket}/${key}`);
    }
    return (await this.head(bucket, key, signal)) as StoredObject;
  }

  /** A copy onto itself too large for one CopyObject: UploadPartCopy by ranges, aborted on failure. */
  private async copyInParts(
    bucket: string,
    key: string,
    size: number,
    metadata: Record<string, string>,
    contentType: string,
    signal?: AbortSignal,
  ): Promise<void> {
    const created = await this.client.send(
      new CreateMultipartUploadCommand({
        Bucket: bucket,
        Key: key,
        Metadata: metadata,
        ContentType: contentType,
      }),
      { abortSignal: signal },
    );
    const uploadId = created.UploadId as string;
    try {
      const parts: { ETag: string; PartNumber: number }[] = [];
      for (let start = 0, number = 1; start < size; start += this.copyLimits.partBytes, number++) {
        const end = Math.min(size, start + this.copyLimits.partBytes) - 1;
        const part = await this.client.send(
          new UploadPartCopyCommand({
            Bucket: bucket,
            Key: key,
            UploadId: uploadId,
            PartNumber: number,
            CopySource: copySource(bucket, key),
            CopySourceRange: `bytes=${start}-${end}`,
          }),
          { abortSignal: signal },
        );
        parts.push({ ETag: part.CopyPartResult?.ETag as string, PartNumber: number });
      }
      await this.client.send(
        new CompleteMultipartUploadCommand({
          Bucket: bucket,
          Key: key,
          UploadId: uploadId,
          MultipartUpload: { Parts: parts },
        }),
        { abortSignal: signal },
      );
    } catch (error) {
      await this.client
        .send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: uploadId }))
        .catch(() => undefined);
      throw error;
    }
  }

  /** The object's head, or undefined when it does not exist. */
  async head(bucket: string, key: string, signal?: AbortSignal): Promise<StoredObject | undefined> {
    try {
      const answer = await this.client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }), {
        abortSignal: signal,
      });
      return {
        etag: unquoteEtag(answer.ETag),
        size: answer.ContentLength ?? 0,
        metadata: answer.Metadata ?? {},
      };
    } catch (error) {
      const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      if (status === 404) return undefined;
      throw toApiError(error, `HeadObject s3://${bucket}/${key}`);
    }
  }

  /** A small JSON object (a manifest), or undefined when it is missing, too large or not JSON. */
  async readJson(bucket: string, key: string, signal?: AbortSignal): Promise<unknown> {
    const head = await this.head(bucket, key, signal);
    if (!head || head.size > MANIFEST_READ_LIMIT) return undefined;
    try {
      const answer = await this.client.send(new GetObjectCommand({ Bucket: bucket, Key: key }), {
        abortSignal: signal,
      });
      return JSON.parse((await answer.Body?.transformToString('utf8')) ?? '');
    } catch {
      return undefined;
    }
  }

  /** Deletes every object and aborts every multipart upload under `prefix`. */
  async removePrefix(bucket: string, prefix: string): Promise<PrefixCleanup> {
    let objects = 0;
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }),
      );
      const keys = (page.Contents ?? []).map((item) => ({ Key: item.Key as string }));
      if (keys.length > 0) {
        await this.client.send(
          new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: keys, Quiet: true } }),
        );
        objects += keys.length;
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    let multipartUploads = 0;
    const uploads = await this.client.send(
      new ListMultipartUploadsCommand({ Bucket: bucket, Prefix: prefix }),
    );
    for (const upload of uploads.Uploads ?? []) {
      await this.client.send(
        new AbortMultipartUploadCommand({ Bucket: bucket, Key: upload.Key, UploadId: upload.UploadId }),
      );
      multipartUploads++;
    }
    return { objects, multipartUploads };
  }

  /** Keys under `prefix` (tests and cleanup checks). */
  async keys(bucket: string, prefix: string): Promise<string[]> {
    const page = await this.client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
    return (page.Contents ?? []).map((item) => item.Key as string);
  }
}

function copySource(bucket: string, key: string): string {
  return `${bucket}/${key.split('/').map(encodeURIComponent).join('/')}`;
}
