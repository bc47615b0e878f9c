import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { toApiError } from './s3-errors.js';

/** What {@link streamObject} reads and where it writes. */
export interface StreamObjectOptions {
  client: S3Client;
  bucket: string;
  key: string;
  /** Any writable; `process.stdout` is written to and left open. */
  target: Writable;
  signal?: AbortSignal;
}

/**
 * Streams one object into `target` as its bytes arrive, never holding it whole, and returns the
 * bytes written: what `--target -` (standard output) means for every nimbus download.
 *
 * @example
 * await streamObject({ client, bucket: 'photos', key: 'cat.jpg', target: process.stdout });
 */
export async function streamObject(options: StreamObjectOptions): Promise<number> {
  const { client, bucket, key, target } = options;
  let size = 0;
  try {
    const answer = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }), {
      abortSignal: options.signal,
    });
    const body = answer.Body as Readable | undefined;
    if (!body) return 0;
    const source = body instanceof Readable ? body : Readable.from(body);
    source.on('data', (chunk: Buffer) => {
      size += chunk.length;
    });
    await pipeline(source, target, { end: target !== process.stdout });
    return size;
  } catch (error) {
    throw toApiError(error, `GetObject s3://${bucket}/${key}`);
  }
}
