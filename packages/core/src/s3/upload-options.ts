import type { S3Client } from '@aws-sdk/client-s3';
import { ValidationError, type ValidationIssue } from '../errors/client-errors.js';
import type { S3RetryOptions } from './retry-options.js';
import type { RetryListener } from './send-with-retry.js';
import type { ProgressListener } from './transfer-progress.js';

export const MIB = 1024 * 1024;
/** S3's limits on multipart uploads. */
export const MIN_PART_SIZE = 5 * MIB;
export const MAX_PART_SIZE = 5 * 1024 * MIB;
export const MAX_PARTS = 10_000;
export const DEFAULT_PART_SIZE = 8 * MIB;
export const DEFAULT_CONCURRENCY = 4;

/** Options of {@link uploadFile}. */
export interface UploadFileOptions {
  /** From {@link createS3Client} (or any `S3Client`). */
  client: S3Client;
  bucket: string;
  key: string;
  /** Local file to send; it must not change during the upload. */
  path: string;
  contentType?: string;
  /** User metadata (`x-amz-meta-*`), names without the prefix. */
  metadata?: Readonly<Record<string, string>>;
  /**
   * Also store the whole file's hex MD5 under this metadata name (e.g. `md5sum`, which IMS reads).
   * A multipart object learns it only after the last part, so its metadata is then rewritten by a
   * server-side multipart copy with the same parts (same ETag, no bytes re-sent).
   */
  md5Metadata?: string;
  /**
   * Bytes per part, default 8 MiB (5 MiB–5 GiB). Files smaller than this go in one PutObject.
   * Grown automatically when the file would need more than 10,000 parts.
   */
  partSize?: number;
  /** Parts in flight at once, default 4. Memory held is about `concurrency × partSize`. */
  concurrency?: number;
  signal?: AbortSignal;
  onProgress?: ProgressListener;
  /**
   * Path of a JSON state file that makes the upload resumable: a later call with the same path
   * sends only the parts the server does not have. Removed after success.
   */
  resumeState?: string;
  /**
   * What to do with the multipart upload when the transfer fails or is aborted: `abort` (nothing
   * left on the server) or `keep` (for a resume). Default `keep` with `resumeState`, else `abort`.
   */
  onFailure?: 'abort' | 'keep';
  /** Retry of each S3 call; `false` for none. */
  retry?: S3RetryOptions | false;
  /** Told about every retry, e.g. for a debug log. */
  onRetry?: RetryListener;
}

/** What {@link uploadFile} returns once the server holds the file and its ETag checked out. */
export interface UploadResult {
  readonly bucket: string;
  readonly key: string;
  /** The object's ETag without quotes: the MD5 for one PutObject, `md5(part md5s)-N` otherwise. */
  readonly etag: string;
  /** Hex MD5 of the whole file, for manifests and `md5sum`-style metadata. */
  readonly md5: string;
  readonly size: number;
  /** Parts of the multipart upload; 0 for a single PutObject. */
  readonly parts: number;
  /** Parts a resume found already on the server and did not send again. */
  readonly resumedParts: number;
}

/** Checks caller input before any file or network access; one error lists every problem. */
export function checkUploadOptions(options: UploadFileOptions): { partSize: number; concurrency: number } {
  const issues: ValidationIssue[] = [];
  const partSize = options.partSize ?? DEFAULT_PART_SIZE;
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  if (!options.client || typeof (options.client as { send?: unknown }).send !== 'function') {
    issues.push({ path: 'client', message: 'must be an S3Client (see createS3Client)' });
  }
  for (const field of ['bucket', 'key', 'path'] as const) {
    if (typeof options[field] !== 'string' || options[field].length === 0) {
      issues.push({ path: field, message: 'must be a non-empty string' });
    }
  }
  if (!Number.isInteger(partSize) || partSize < MIN_PART_SIZE || partSize > MAX_PART_SIZE) {
    issues.push({
      path: 'partSize',
      message: `must be a whole number of bytes from ${MIN_PART_SIZE} (5 MiB) to ${MAX_PART_SIZE} (5 GiB)`,
    });
  }
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) {
    issues.push({ path: 'concurrency', message: 'must be a whole number from 1 to 64' });
  }
  for (const [name, value] of Object.entries(options.metadata ?? {})) {
    if (typeof value !== 'string') issues.push({ path: `metadata.${name}`, message: 'must be a string' });
  }
  if (options.md5Metadata !== undefined && !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(options.md5Metadata)) {
    issues.push({
      path: 'md5Metadata',
      message: 'must be a metadata name of letters, digits, ".", "_" or "-"',
    });
  }
  if (options.onFailure !== undefined && options.onFailure !== 'abort' && options.onFailure !== 'keep') {
    issues.push({ path: 'onFailure', message: "must be 'abort' or 'keep'" });
  }
  if (issues.length > 0) {
    throw new ValidationError(
      `uploadFile: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`,
      issues,
    );
  }
  return { partSize, concurrency };
}

/** The part size actually used: the requested one, grown so the file fits in 10,000 parts. */
export function partSizeFor(fileSize: number, requested: number): number {
  if (Math.ceil(fileSize / requested) <= MAX_PARTS) return requested;
  return Math.ceil(fileSize / MAX_PARTS / MIB) * MIB;
}
