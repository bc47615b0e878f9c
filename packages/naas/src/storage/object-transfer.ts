import { mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import { ValidationError } from '@nimbus-sdk/core';
import {
  createS3Client,
  downloadFile,
  type ProgressListener,
  streamObject,
  uploadFile,
} from '@nimbus-sdk/core/s3';
import type { CallOptions } from '../context.js';
import { guessContentType } from './content-type.js';
import { cleanKeyPath, downloadTargetPath, uploadKeyPath } from './object-keys.js';
import type { NaasS3Session } from './s3-session.js';
import type { StorageSessions } from './session-cache.js';

/** Where S3 calls go and how; from the client's settings. */
export interface S3Target {
  /** Endpoint override (RGW, MinIO); `undefined` = AWS. */
  endpoint: string | undefined;
  forcePathStyle: boolean;
}

/** Options of the object transfers. */
export interface TransferOptions extends CallOptions {
  onProgress?: ProgressListener;
  /** Multipart part size in bytes (default the engine's 8 MiB). */
  partSize?: number;
  /** Parts in flight (default the engine's 4). */
  concurrency?: number;
}

/** A finished upload. */
export interface PutObjectResult {
  bucket: string;
  key: string;
  /** Path inside the storage (the key without `<ws>/<storage>/`). */
  object: string;
  size: number;
  etag: string;
  parts: number;
  contentType: string;
}

/** A finished download. */
export interface GetObjectResult {
  bucket: string;
  key: string;
  path: string;
  size: number;
}

/** An S3 client on the session's keys; passed, never exported to `process.env`. */
function clientFor(session: NaasS3Session, target: S3Target): S3Client {
  return createS3Client({
    endpoint: target.endpoint,
    region: session.region,
    forcePathStyle: target.forcePathStyle,
    credentials: {
      accessKeyId: session.accessKeyId,
      secretAccessKey: session.secretAccessKey,
      ...(session.sessionToken ? { sessionToken: session.sessionToken } : {}),
    },
    // Never read AWS_ENDPOINT_URL* here: the client settings already resolved the override.
    env: {},
  });
}

/**
 * Uploads a local file to a Naas storage through the core S3 engine (parallel multipart above the
 * part size, MD5/ETag verified), on the storage's session credentials renewed a minute before expiry.
 * Key rules of spec §6.4: a destination ending in `/` (or `.`) takes the source's base name.
 */
export async function putObject(
  sessions: StorageSessions,
  target: S3Target,
  input: { workspaceId: string; storageName: string; source: string; destination: string },
  options: TransferOptions = {},
): Promise<PutObjectResult> {
  const info = await stat(input.source).catch(() => undefined);
  if (!info?.isFile()) {
    throw new ValidationError(`source ${input.source} is not a readable local file`, [
      { path: 'source', message: 'not a file' },
    ]);
  }
  const object = uploadKeyPath(input.source, input.destination);
  const session = await sessions.get(input.workspaceId, input.storageName, options);
  const key = `${session.prefix}${object}`;
  const contentType = guessContentType(object);
  const client = clientFor(session, target);
  try {
    const result = await uploadFile({
      client,
      bucket: session.bucket,
      key,
      path: input.source,
      contentType,
      ...(options.partSize ? { partSize: options.partSize } : {}),
      ...(options.concurrency ? { concurrency: options.concurrency } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    return {
      bucket: result.bucket,
      key,
      object,
      size: result.size,
      etag: result.etag,
      parts: result.parts,
      contentType,
    };
  } finally {
    client.destroy();
  }
}

/**
 * Downloads an object of a Naas storage to a local file through the core S3 engine: streamed into
 * `<path>.part`, checked (size, MD5 when the ETag is one) and renamed into place, so a failed
 * download never leaves a truncated file under the final name, and a rerun resumes.
 */
export async function getObject(
  sessions: StorageSessions,
  target: S3Target,
  input: { workspaceId: string; storageName: string; source: string; destination: string },
  options: TransferOptions = {},
): Promise<GetObjectResult> {
  if (input.source.endsWith('/')) {
    throw new ValidationError(`source ${input.source} names a folder; give an object path`, [
      { path: 'source', message: 'ends with /' },
    ]);
  }
  const object = cleanKeyPath(input.source, 'source');
  const session = await sessions.get(input.workspaceId, input.storageName, options);
  const key = `${session.prefix}${object}`;
  const client = clientFor(session, target);
  // `-` is standard output, as for every nimbus download: the bytes as they arrive, no file.
  if (input.destination === '-') {
    try {
      return {
        bucket: session.bucket,
        key,
        path: '-',
        size: await streamObject({
          client,
          bucket: session.bucket,
          key,
          target: process.stdout,
          signal: options.signal,
        }),
      };
    } finally {
      client.destroy();
    }
  }
  const path = downloadTargetPath(object, input.destination);
  try {
    await mkdir(dirname(path), { recursive: true });
    const result = await downloadFile({
      client,
      bucket: session.bucket,
      key,
      path,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    return { bucket: session.bucket, key, path, size: result.size };
  } finally {
    client.destroy();
  }
}
