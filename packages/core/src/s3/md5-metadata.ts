import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  HeadObjectCommand,
  type S3Client,
  UploadPartCopyCommand,
} from '@aws-sdk/client-s3';
import { unquoteEtag } from './etag.js';
import type { S3RetryPolicy } from './retry-options.js';
import { IntegrityError } from './s3-errors.js';
import { type RetryListener, sendWithRetry } from './send-with-retry.js';

/** What {@link stampMd5Metadata} needs to know about the object just uploaded. */
export interface StampTarget {
  readonly client: S3Client;
  readonly bucket: string;
  readonly key: string;
  readonly size: number;
  readonly partSize: number;
  /** The verified multipart ETag; the copy must end with the same one. */
  readonly etag: string;
  readonly contentType: string | undefined;
  readonly metadata: Readonly<Record<string, string>>;
  readonly concurrency: number;
  readonly policy: S3RetryPolicy;
  readonly onRetry: RetryListener | undefined;
  readonly signal: AbortSignal | undefined;
}

/**
 * Rewrites a just-completed multipart object's metadata so that it also carries the whole-file MD5,
 * which is known only after the last byte was read. A server-side multipart copy onto the same key
 * with the same part boundaries: no byte crosses the network again, any size works (CopyObject
 * stops at 5 GiB), and the result must keep the very ETag already verified.
 */
export async function stampMd5Metadata(target: StampTarget): Promise<void> {
  const { client, bucket, key, policy, onRetry, signal } = target;
  const where = `s3://${bucket}/${key}`;
  const send = <T>(what: string, attempt: (abortSignal: AbortSignal) => Promise<T>) =>
    sendWithRetry(`${what} ${where}`, attempt, policy, signal, onRetry);
  const created = await send('CreateMultipartUpload (metadata copy)', (abortSignal) =>
    client.send(
      new CreateMultipartUploadCommand({
        Bucket: bucket,
        Key: key,
        Metadata: { ...target.metadata },
        ...(target.contentType ? { ContentType: target.contentType } : {}),
      }),
      { abortSignal },
    ),
  );
  const uploadId = created.UploadId ?? '';
  const source = `${bucket}/${encodeURIComponent(key).replaceAll('%2F', '/')}`;
  const count = Math.ceil(target.size / target.partSize);
  const etags: string[] = new Array(count);
  try {
    let next = 0;
    const worker = async () => {
      for (let index = next++; index < count; index = next++) {
        const first = index * target.partSize;
        const last = Math.min(target.size, first + target.partSize) - 1;
        const answer = await send(`UploadPartCopy ${index + 1}`, (abortSignal) =>
          client.send(
            new UploadPartCopyCommand({
              Bucket: bucket,
              Key: key,
              UploadId: uploadId,
              PartNumber: index + 1,
              CopySource: source,
              CopySourceRange: `bytes=${first}-${last}`,
              // Copy exactly the object just verified, not one a concurrent writer put there since.
              CopySourceIfMatch: `"${target.etag}"`,
            }),
            { abortSignal },
          ),
        );
        etags[index] = unquoteEtag(answer.CopyPartResult?.ETag);
      }
    };
    await Promise.all(Array.from({ length: Math.min(target.concurrency, count) }, worker));
    await send('CompleteMultipartUpload (metadata copy)', (abortSignal) =>
      client.send(
        new CompleteMultipartUploadCommand({
          Bucket: bucket,
          Key: key,
          UploadId: uploadId,
          MultipartUpload: { Parts: etags.map((etag, i) => ({ PartNumber: i + 1, ETag: `"${etag}"` })) },
        }),
        { abortSignal },
      ),
    );
  } catch (error) {
    await client
      .send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: uploadId }))
      .catch(() => {});
    throw error;
  }
  const head = await send('HeadObject', (abortSignal) =>
    client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }), { abortSignal }),
  );
  const etag = unquoteEtag(head.ETag);
  if (etag !== target.etag) {
    throw new IntegrityError(`${where}: the metadata copy changed the object's ETag`, target.etag, etag);
  }
}
