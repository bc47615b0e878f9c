import type { Stats } from 'node:fs';
import { ApiError, isApiError } from '../errors/api-error.js';
import { ConfigError } from '../errors/client-errors.js';
import { multipartEtag } from './etag.js';
import type { FilePart, FilePartReader } from './file-part-reader.js';
import { stampMd5Metadata } from './md5-metadata.js';
import { MultipartCalls } from './multipart-calls.js';
import { type FinishedPart, type ResumeState, removeResumeState, writeResumeState } from './resume-state.js';
import type { S3RetryPolicy } from './retry-options.js';
import { IntegrityError, type MultipartOutcome, toApiError, UploadFailedError } from './s3-errors.js';
import type { ProgressMeter } from './transfer-progress.js';
import type { UploadFileOptions, UploadResult } from './upload-options.js';

/** Where a multipart run starts: a fresh upload, or an existing one and the parts it holds. */
export interface MultipartStart {
  readonly state: ResumeState | undefined;
  readonly listed: ReadonlyMap<number, { etag: string; size: number }>;
  readonly partSize: number;
}

/**
 * Sends a file as a multipart upload: parts read once in order, at most `concurrency` of them in
 * memory and in flight, parts the server already holds (same MD5) skipped, the final ETag checked
 * against the one computed locally. On failure the upload is aborted or kept, and the error says which.
 */
export async function multipartUpload(
  options: UploadFileOptions,
  stat: Stats,
  reader: FilePartReader,
  start: MultipartStart,
  concurrency: number,
  policy: S3RetryPolicy,
  meter: ProgressMeter,
): Promise<UploadResult> {
  const calls = new MultipartCalls(options.client, options.bucket, options.key, policy, options.onRetry);
  const keep = (options.onFailure ?? (options.resumeState ? 'keep' : 'abort')) === 'keep';
  const uploadId =
    start.state?.uploadId ?? (await calls.create(options.contentType, options.metadata, options.signal));
  const finished = new Map<number, FinishedPart>();
  let state: ResumeState = start.state ?? {
    version: 1,
    bucket: options.bucket,
    key: options.key,
    uploadId,
    partSize: start.partSize,
    fileSize: stat.size,
    fileMtimeMs: stat.mtimeMs,
    parts: [],
  };
  if (options.resumeState) {
    try {
      await writeResumeState(options.resumeState, state);
    } catch (error) {
      // Keeping an upload that nothing records would only leave an orphan behind.
      await calls.abort(uploadId).catch(() => {});
      throw new ConfigError(
        `cannot write the resume state ${options.resumeState} (${(error as Error).message}); multipart upload ${uploadId} was aborted`,
        { cause: error },
      );
    }
  }
  let stateWrites: Promise<void> = Promise.resolve();
  const record = (part: FinishedPart) => {
    finished.set(part.partNumber, part);
    if (!options.resumeState) return;
    const path = options.resumeState;
    state = { ...state, parts: [...finished.values()].sort((a, b) => a.partNumber - b.partNumber) };
    const snapshot = state;
    stateWrites = stateWrites.then(() => writeResumeState(path, snapshot));
    // Awaited after the parts; until then a failed write must not count as an unhandled rejection.
    stateWrites.catch(() => {});
  };

  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  let failure: ApiError | undefined;
  const fail = (error: unknown, what: string) => {
    failure ??= toApiError(error, what);
    stop.abort();
  };
  const md5s: Promise<Buffer>[] = [];
  let stage: 'sending' | 'completing' | 'completed' = 'sending';
  let resumedParts = 0;
  try {
    await stateWrites;
    const inFlight = new Set<Promise<void>>();
    while (!failure) {
      while (inFlight.size >= concurrency) await Promise.race(inFlight);
      if (failure) break;
      if (options.signal?.aborted) {
        fail(options.signal.reason ?? new Error('aborted'), `upload of ${calls.target}`);
        break;
      }
      let part: FilePart | undefined;
      try {
        part = await reader.next();
      } catch (error) {
        fail(error, `reading ${options.path}`);
        break;
      }
      if (!part) break;
      md5s.push(part.md5);
      const sending = part;
      const task: Promise<void> = (async () => {
        const digest = await sending.md5;
        const md5 = digest.toString('hex');
        const size = sending.bytes.length;
        const listed = start.listed.get(sending.partNumber);
        if (listed && listed.etag === md5 && listed.size === size) {
          record({ partNumber: sending.partNumber, etag: listed.etag, md5, size });
          resumedParts += 1;
          meter.skipped(size);
          return;
        }
        const etag = await calls.uploadPart(uploadId, sending, digest, signal);
        record({ partNumber: sending.partNumber, etag, md5, size });
        meter.moved(size);
      })()
        .catch((error: unknown) => fail(error, `UploadPart ${sending.partNumber} of ${calls.target}`))
        .finally(() => {
          inFlight.delete(task);
          reader.release(sending);
        });
      inFlight.add(task);
    }
    await Promise.all(inFlight);
    await stateWrites;
    if (failure) throw failure;
    await reader.assertUnchanged(options.path, stat);

    const expected = multipartEtag(await Promise.all(md5s));
    const parts = [...finished.values()].sort((a, b) => a.partNumber - b.partNumber);
    let completed: string;
    stage = 'completing';
    try {
      completed = await calls.complete(uploadId, parts, options.signal);
    } catch (error) {
      // A Complete whose answer was lost succeeds on the server; its retry then finds no upload.
      if (!(isApiError(error) && error.status === 404)) throw error;
      completed = '';
    }
    // From here the object exists: a mismatch is reported as is, there is no upload left to abort.
    stage = 'completed';
    if (completed && completed !== expected) {
      throw new IntegrityError(
        `CompleteMultipartUpload ${calls.target}: the object's ETag is not the one computed from the parts`,
        expected,
        completed,
      );
    }
    const head = await calls.head(options.signal);
    if (head.etag !== expected) {
      throw new IntegrityError(
        `HeadObject ${calls.target}: the stored object's ETag is not the one computed from the parts`,
        expected,
        head.etag,
      );
    }
    if (head.size !== stat.size) {
      throw new IntegrityError(
        `HeadObject ${calls.target}: the stored object's size differs from the file's`,
        String(stat.size),
        String(head.size),
      );
    }
    const md5 = (await reader.wholeMd5()).toString('hex');
    if (options.md5Metadata) {
      await stampMd5Metadata({
        client: options.client,
        bucket: options.bucket,
        key: options.key,
        size: stat.size,
        partSize: start.partSize,
        etag: expected,
        contentType: options.contentType,
        metadata: { ...options.metadata, [options.md5Metadata]: md5 },
        concurrency,
        policy,
        onRetry: options.onRetry,
        signal: options.signal,
      }).catch((error: unknown) => {
        const cause = toApiError(error, `adding ${options.md5Metadata} metadata to ${calls.target}`);
        throw new ApiError(
          cause.code,
          `${calls.target} was uploaded and verified (ETag ${expected}, MD5 ${md5}), but ${cause.message}; the object keeps its other metadata`,
          { cause, retryable: cause.retryable },
        );
      });
    }
    if (options.resumeState) await removeResumeState(options.resumeState);
    return {
      bucket: options.bucket,
      key: options.key,
      etag: expected,
      md5,
      size: stat.size,
      parts: parts.length,
      resumedParts,
    };
  } catch (thrown) {
    if (stage === 'completed') throw thrown;
    const cause = toApiError(thrown, `upload of ${calls.target}`);
    throw await settleAfterFailure(calls, uploadId, cause, keep, options.resumeState);
  }
}

async function settleAfterFailure(
  calls: MultipartCalls,
  uploadId: string,
  cause: ApiError,
  keep: boolean,
  resumeState: string | undefined,
): Promise<UploadFailedError> {
  const head = `upload of ${calls.target} failed: ${cause.message}`;
  if (keep) {
    const where = resumeState
      ? `call uploadFile again with resumeState ${resumeState} to send only the missing parts`
      : 'nothing records it locally: abort it with AbortMultipartUpload or a lifecycle rule';
    return outcome(`${head}; multipart upload ${uploadId} was kept: ${where}`, 'kept');
  }
  try {
    await calls.abort(uploadId);
  } catch (abortError) {
    return outcome(
      `${head}; aborting multipart upload ${uploadId} also failed (${(abortError as Error).message}): it still holds the sent parts until aborted`,
      'abort-failed',
    );
  }
  if (resumeState) await removeResumeState(resumeState);
  return outcome(
    `${head}; multipart upload ${uploadId} was aborted, nothing is left on the server`,
    'aborted',
  );

  function outcome(message: string, multipartUpload: MultipartOutcome): UploadFailedError {
    return new UploadFailedError(message, cause, {
      multipartUpload,
      uploadId,
      ...(resumeState && multipartUpload === 'kept' ? { resumeStatePath: resumeState } : {}),
    });
  }
}
