import { PutObjectCommand } from '@aws-sdk/client-s3';
import { unquoteEtag } from './etag.js';
import type { FilePartReader } from './file-part-reader.js';
import type { S3RetryPolicy } from './retry-options.js';
import { IntegrityError } from './s3-errors.js';
import { sendWithRetry } from './send-with-retry.js';
import type { ProgressMeter } from './transfer-progress.js';
import { withUnsignedPayload } from './unsigned-payload.js';
import type { UploadFileOptions, UploadResult } from './upload-options.js';

/** A file under the part size: one PutObject with its Content-MD5, the ETag checked on return. */
export async function putSingle(
  options: UploadFileOptions,
  reader: FilePartReader,
  policy: S3RetryPolicy,
  meter: ProgressMeter,
): Promise<UploadResult> {
  const part = await reader.next();
  if (!part) throw new Error('unreachable: the reader yields one part even for an empty file');
  const digest = await part.md5;
  const md5 = digest.toString('hex');
  const what = `PutObject s3://${options.bucket}/${options.key}`;
  const answer = await sendWithRetry(
    what,
    (signal) =>
      options.client.send(
        withUnsignedPayload(
          new PutObjectCommand({
            Bucket: options.bucket,
            Key: options.key,
            Body: part.bytes,
            ContentLength: part.bytes.length,
            ContentMD5: digest.toString('base64'),
            ...(options.contentType ? { ContentType: options.contentType } : {}),
            ...(options.metadata || options.md5Metadata
              ? {
                  Metadata: {
                    ...options.metadata,
                    ...(options.md5Metadata ? { [options.md5Metadata]: md5 } : {}),
                  },
                }
              : {}),
          }),
        ),
        { abortSignal: signal },
      ),
    policy,
    options.signal,
    options.onRetry,
  );
  const etag = unquoteEtag(answer.ETag);
  if (etag !== md5) throw new IntegrityError(`${what}: the server's ETag is not the file's MD5`, md5, etag);
  meter.moved(part.bytes.length);
  return {
    bucket: options.bucket,
    key: options.key,
    etag,
    md5,
    size: part.bytes.length,
    parts: 0,
    resumedParts: 0,
  };
}
