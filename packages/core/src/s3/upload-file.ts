import { open } from 'node:fs/promises';
import { isApiError } from '../errors/api-error.js';
import { ValidationError } from '../errors/client-errors.js';
import { FilePartReader } from './file-part-reader.js';
import { inlineMd5, type Md5Hashers, workerMd5 } from './md5-workers.js';
import { MultipartCalls } from './multipart-calls.js';
import { type MultipartStart, multipartUpload } from './multipart-upload.js';
import { putSingle } from './put-single.js';
import { type ResumeState, readResumeState, removeResumeState } from './resume-state.js';
import { resolveS3Retry, type S3RetryPolicy } from './retry-options.js';
import { ProgressMeter } from './transfer-progress.js';
import {
  checkUploadOptions,
  partSizeFor,
  type UploadFileOptions,
  type UploadResult,
} from './upload-options.js';

/**
 * Uploads a local file, reading each byte from disk once: the whole-file MD5 and every part's MD5
 * come from the read that feeds the upload. Under the part size one PutObject; above it a
 * multipart upload with `concurrency` parts in flight, whose `md5(part md5s)-N` ETag is checked
 * against the server's. Resumable with `resumeState`.
 *
 * @example
 * const { etag, md5 } = await uploadFile({ client, bucket: 'boot-images', key: `${id}/rootfs`,
 *   path: './rootfs', contentType: 'application/vnd.cray.image.rootfs.squashfs', resumeState: './rootfs.upload.json' });
 */
export async function uploadFile(options: UploadFileOptions): Promise<UploadResult> {
  const checked = checkUploadOptions(options);
  const policy = resolveS3Retry(options.retry);
  const handle = await open(options.path, 'r');
  let whole: Md5Hashers | undefined;
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) {
      throw new ValidationError(`uploadFile: ${options.path} is not a regular file`, [
        { path: 'path', message: 'must name a regular file' },
      ]);
    }
    const saved = options.resumeState ? await readResumeState(options.resumeState) : undefined;
    if (saved && (saved.bucket !== options.bucket || saved.key !== options.key)) {
      throw new ValidationError(
        `uploadFile: resume state ${options.resumeState} belongs to s3://${saved.bucket}/${saved.key}, not s3://${options.bucket}/${options.key}; pass another resumeState path`,
        [{ path: 'resumeState', message: 'belongs to another object' }],
      );
    }
    const start = await resumePoint(options, saved, stat.size, stat.mtimeMs, checked.partSize, policy);
    const partSize = start.partSize;
    const partsTotal = stat.size < partSize ? 1 : Math.ceil(stat.size / partSize);
    const meter = new ProgressMeter(
      { direction: 'upload', bucket: options.bucket, key: options.key, bytesTotal: stat.size, partsTotal },
      options.onProgress,
    );
    if (stat.size < partSize) {
      return await putSingle(
        options,
        new FilePartReader(handle, stat.size, partSize, inlineMd5(), 1, false),
        policy,
        meter,
      );
    }
    whole = workerMd5(checked.concurrency);
    // One buffer beyond the parts in flight lets the next part be read while they are sent.
    const reader = new FilePartReader(handle, stat.size, partSize, whole, checked.concurrency + 1, true);
    return await multipartUpload(options, stat, reader, start, checked.concurrency, policy, meter);
  } finally {
    await whole?.close();
    await handle.close();
  }
}

/**
 * Decides between continuing a saved upload and starting over. A file whose size or mtime changed,
 * or an upload the server no longer knows, starts over cleanly: the stale upload is aborted and
 * its state removed.
 */
async function resumePoint(
  options: UploadFileOptions,
  saved: ResumeState | undefined,
  size: number,
  mtimeMs: number,
  requestedPartSize: number,
  policy: S3RetryPolicy,
): Promise<MultipartStart> {
  const fresh: MultipartStart = {
    state: undefined,
    listed: new Map(),
    partSize: partSizeFor(size, requestedPartSize),
  };
  if (!saved || !options.resumeState) return fresh;
  const calls = new MultipartCalls(options.client, options.bucket, options.key, policy, options.onRetry);
  if (saved.fileSize !== size || saved.fileMtimeMs !== mtimeMs) {
    await calls.abort(saved.uploadId).catch(() => {
      // Already gone, or not ours to abort any more: either way the new run must not reuse it.
    });
    await removeResumeState(options.resumeState);
    return fresh;
  }
  try {
    const listed = await calls.listParts(saved.uploadId, options.signal);
    return { state: saved, listed, partSize: saved.partSize };
  } catch (error) {
    if (isApiError(error) && error.status === 404) {
      await removeResumeState(options.resumeState);
      return fresh;
    }
    throw error;
  }
}
