import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { type PagedIterable, pageTokenPages } from '@nimbus-sdk/core';
import type { CallOptions } from '../context.js';
import type { S3Credentials } from './endpoint.js';

/** One object of a listing. */
export interface S3ObjectSummary {
  key: string;
  size: number;
  /** Without quotes. */
  etag?: string;
  lastModified?: Date;
}

/** What `putFile` reports. */
export interface PutFileResult {
  bucket: string;
  key: string;
  /** Without quotes. */
  etag: string;
  /** Hex MD5 of the whole file. */
  md5: string;
  size: number;
}

/** Where and as whom the objects are reached. */
export interface ObjectsTarget {
  endpoint: string;
  region: string;
  credentials: S3Credentials;
}

type S3Module = typeof import('@aws-sdk/client-s3');
type Engine = typeof import('@nimbus-sdk/core/s3');

/**
 * Object operations on an instance's data plane with one access key, through core's S3 engine
 * (path style, `us-east-1`, no CRC trailers). The AWS SDK is loaded on first use, so the
 * control-plane SDK and CLI start without it.
 */
export class InstanceObjects {
  #loaded:
    | Promise<{ engine: Engine; s3: S3Module; client: import('@aws-sdk/client-s3').S3Client }>
    | undefined;
  constructor(private readonly target: ObjectsTarget) {}

  /** Uploads a local file (multipart when large, MD5/ETag verified), via the engine's `uploadFile`. */
  async putFile(
    bucket: string,
    key: string,
    path: string,
    options: CallOptions & {
      contentType?: string;
      onProgress?: Parameters<Engine['uploadFile']>[0]['onProgress'];
    } = {},
  ): Promise<PutFileResult> {
    const { engine, client } = await this.load();
    const result = await engine.uploadFile({
      client,
      bucket,
      key,
      path,
      contentType: options.contentType,
      signal: options.signal,
      onProgress: options.onProgress,
    });
    return { bucket: result.bucket, key: result.key, etag: result.etag, md5: result.md5, size: result.size };
  }

  /** The object's bytes. */
  async get(bucket: string, key: string, options: CallOptions = {}): Promise<Uint8Array> {
    const { engine, s3, client } = await this.load();
    try {
      const answer = await client.send(new s3.GetObjectCommand({ Bucket: bucket, Key: key }), {
        abortSignal: options.signal,
      });
      return (await answer.Body?.transformToByteArray()) ?? new Uint8Array();
    } catch (error) {
      throw engine.toApiError(error, `GetObject s3://${bucket}/${key}`);
    }
  }

  /**
   * Streams the object into `target` (a writable such as `process.stdout`) without holding it in
   * memory, and returns the bytes written.
   */
  async streamTo(bucket: string, key: string, target: Writable, options: CallOptions = {}): Promise<number> {
    const { engine, client } = await this.load();
    return engine.streamObject({ client, bucket, key, target, signal: options.signal });
  }

  /** Downloads into `<path>.part` and renames it to `path` once complete, so a failure leaves no partial file. */
  async download(
    bucket: string,
    key: string,
    path: string,
    options: CallOptions = {},
  ): Promise<{ size: number }> {
    const part = `${path}.part`;
    try {
      const size = await this.streamTo(bucket, key, createWriteStream(part), options);
      await rename(part, path);
      return { size };
    } catch (error) {
      await rm(part, { force: true });
      throw error;
    }
  }

  /** Objects under `prefix`, fetched a page (ListObjectsV2) at a time as you iterate. */
  list(
    bucket: string,
    options: CallOptions & { prefix?: string; pageSize?: number } = {},
  ): PagedIterable<S3ObjectSummary, string> {
    return pageTokenPages<S3ObjectSummary>({
      signal: options.signal,
      fetch: async (token, signal) => {
        const { engine, s3, client } = await this.load();
        try {
          const answer = await client.send(
            new s3.ListObjectsV2Command({
              Bucket: bucket,
              Prefix: options.prefix,
              MaxKeys: options.pageSize,
              ContinuationToken: token,
            }),
            { abortSignal: signal },
          );
          const items = (answer.Contents ?? []).map((item) => ({
            key: item.Key ?? '',
            size: item.Size ?? 0,
            etag: item.ETag ? engine.unquoteEtag(item.ETag) : undefined,
            lastModified: item.LastModified,
          }));
          return { items, nextToken: answer.IsTruncated ? answer.NextContinuationToken : undefined };
        } catch (error) {
          throw engine.toApiError(error, `ListObjectsV2 s3://${bucket}/${options.prefix ?? ''}`);
        }
      },
    });
  }

  async delete(bucket: string, key: string, options: CallOptions = {}): Promise<void> {
    const { engine, s3, client } = await this.load();
    try {
      await client.send(new s3.DeleteObjectCommand({ Bucket: bucket, Key: key }), {
        abortSignal: options.signal,
      });
    } catch (error) {
      throw engine.toApiError(error, `DeleteObject s3://${bucket}/${key}`);
    }
  }

  private load() {
    this.#loaded ??= (async () => {
      const [engine, s3] = await Promise.all([import('@nimbus-sdk/core/s3'), import('@aws-sdk/client-s3')]);
      const client = engine.createS3Client({
        endpoint: this.target.endpoint,
        region: this.target.region,
        credentials: this.target.credentials,
        forcePathStyle: true,
      });
      return { engine, s3, client };
    })();
    return this.#loaded;
  }
}
