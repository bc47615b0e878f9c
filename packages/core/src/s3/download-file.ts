import { createHash } from 'node:crypto';
import { open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { GetObjectCommand, HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { isApiError } from '../errors/api-error.js';
import { ValidationError, type ValidationIssue } from '../errors/client-errors.js';
import { unquoteEtag } from './etag.js';
import { resolveS3Retry, type S3RetryOptions } from './retry-options.js';
import { IntegrityError } from './s3-errors.js';
import { type RetryListener, sendWithRetry } from './send-with-retry.js';
import { type ProgressListener, ProgressMeter } from './transfer-progress.js';

/** Options of {@link downloadFile}. */
export interface DownloadFileOptions {
  client: S3Client;
  bucket: string;
  key: string;
  /**
   * Destination file; bytes land in `<path>.part` (with `<path>.part.json` naming the object's
   * ETag, so a later run continues only the same object) and are renamed into place once checked.
   */
  path: string;
  /**
   * Expected hex MD5 of the object (e.g. from a manifest or `md5sum` metadata). When absent, an
   * ETag that is a plain MD5 (single-PutObject objects) is checked instead.
   */
  md5?: string;
  signal?: AbortSignal;
  onProgress?: ProgressListener;
  retry?: S3RetryOptions | false;
  onRetry?: RetryListener;
}

/** What {@link downloadFile} returns once the file is in place. */
export interface DownloadResult {
  readonly bucket: string;
  readonly key: string;
  readonly path: string;
  readonly size: number;
  readonly etag: string;
  /** Hex MD5 of the downloaded bytes. */
  readonly md5: string;
  /** Where this run started: bytes of an earlier run's `.part` that were kept (0 for a fresh start). */
  readonly resumedFromByte: number;
}

const PROGRESS_STEP = 1 << 20;

/**
 * Downloads an object to a file, streaming into `<path>.part` and renaming it into place only
 * after the size and MD5 check out. A `.part` left by an interrupted run is continued with a Range
 * request pinned to the object's ETag (a changed object starts over); transient errors mid-stream
 * resume from the last byte written.
 *
 * @example
 * await downloadFile({ client, bucket: 'boot-images', key: `${id}/kernel`, path: './kernel', md5: artifact.md5 });
 */
export async function downloadFile(options: DownloadFileOptions): Promise<DownloadResult> {
  checkDownloadOptions(options);
  const policy = resolveS3Retry(options.retry);
  const { client, bucket, key } = options;
  const target = `s3://${bucket}/${key}`;
  const partPath = `${options.path}.part`;
  const head = await sendWithRetry(
    `HeadObject ${target}`,
    (abortSignal) => client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }), { abortSignal }),
    policy,
    options.signal,
    options.onRetry,
  );
  const size = head.ContentLength ?? 0;
  const etag = unquoteEtag(head.ETag);
  const expectedMd5 = options.md5?.toLowerCase() ?? (/^[0-9a-f]{32}$/.test(etag) ? etag : undefined);

  // A .part is only continued when it provably holds a prefix of this very object: its sidecar
  // names the same ETag, or (no sidecar) the final MD5 check will catch foreign bytes.
  const sidecarPath = `${partPath}.json`;
  const sidecar = await readSidecar(sidecarPath);
  let kept = await sizeOf(partPath);
  const sameObject = sidecar ? sidecar.etag === etag && sidecar.size === size : expectedMd5 !== undefined;
  if (kept > size || !sameObject) {
    await rm(partPath, { force: true });
    kept = 0;
  }
  await writeFile(sidecarPath, `${JSON.stringify({ bucket, key, etag, size })}\n`);
  const handle = await open(partPath, kept > 0 ? 'r+' : 'w');
  const hash = createHash('md5');
  let written = 0;
  try {
    // The kept bytes are hashed from disk once; the rest is hashed as it is written.
    const buffer = Buffer.allocUnsafe(Math.min(Math.max(kept, 1), 8 << 20));
    while (written < kept) {
      const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, kept - written), written);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      written += bytesRead;
    }
    const resumedFromByte = written;
    const meter = new ProgressMeter(
      { direction: 'download', bucket, key, bytesTotal: size, partsTotal: 1 },
      options.onProgress,
    );
    if (written > 0) meter.skipped(written, 0);
    let unreported = 0;

    while (written < size) {
      try {
        await sendWithRetry(
          `GetObject ${target}`,
          async (abortSignal) => {
            const answer = await client.send(
              new GetObjectCommand({
                Bucket: bucket,
                Key: key,
                Range: `bytes=${written}-`,
                IfMatch: head.ETag,
              }),
              { abortSignal },
            );
            const sink = new Writable({
              write(chunk: Buffer, _encoding, done) {
                // Hash only what reached the file, so a stream cut mid-write resumes consistently.
                handle.write(chunk, 0, chunk.length, written).then(() => {
                  hash.update(chunk);
                  written += chunk.length;
                  unreported += chunk.length;
                  if (unreported >= PROGRESS_STEP) {
                    meter.moved(unreported, 0);
                    unreported = 0;
                  }
                  done();
                }, done);
              },
            });
            await pipeline(answer.Body as NodeJS.ReadableStream, sink, { signal: abortSignal });
          },
          policy,
          options.signal,
          options.onRetry,
        );
      } catch (error) {
        if (isApiError(error) && error.status === 412) {
          throw new IntegrityError(
            `GetObject ${target}: the object changed during the download (ETag no longer ${etag}); download it again`,
            etag,
            'a different ETag',
            'PRECONDITION_FAILED',
          );
        }
        throw error;
      }
    }
    meter.moved(unreported, 1);
    await handle.truncate(size);
    const md5 = hash.digest('hex');
    if (expectedMd5 !== undefined && md5 !== expectedMd5) {
      await handle.close().catch(() => {});
      await rm(partPath, { force: true });
      await rm(sidecarPath, { force: true });
      throw new IntegrityError(
        `${target} downloaded with the wrong MD5 (the partial file was removed, so the next try starts over)`,
        expectedMd5,
        md5,
      );
    }
    await handle.sync();
    await handle.close();
    await rename(partPath, options.path);
    await rm(sidecarPath, { force: true });
    return { bucket, key, path: options.path, size, etag, md5, resumedFromByte };
  } finally {
    await handle.close().catch(() => {});
  }
}

async function readSidecar(path: string): Promise<{ etag: string; size: number } | undefined> {
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as { etag?: unknown; size?: unknown };
    return typeof parsed.etag === 'string' && typeof parsed.size === 'number'
      ? { etag: parsed.etag, size: parsed.size }
      : undefined;
  } catch {
    return undefined;
  }
}

async function sizeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
}

function checkDownloadOptions(options: DownloadFileOptions): void {
  const issues: ValidationIssue[] = [];
  for (const field of ['bucket', 'key', 'path'] as const) {
    if (typeof options[field] !== 'string' || options[field].length === 0) {
      issues.push({ path: field, message: 'must be a non-empty string' });
    }
  }
  if (options.md5 !== undefined && !/^[0-9a-fA-F]{32}$/.test(options.md5)) {
    issues.push({ path: 'md5', message: 'must be 32 hex digits' });
  }
  if (issues.length > 0) {
    throw new ValidationError(
      `downloadFile: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`,
      issues,
    );
  }
}
