/**
 * @nimbus-sdk/core/s3: the S3 transfer engine the providers share, on `@aws-sdk/client-s3` (an
 * optional peer dependency needed by this entry only). Parallel, single-read, resumable, verified
 * uploads; resumable downloads; prefix deletes; progress events.
 */
export {
  createS3Client,
  type S3ClientOptions,
  type S3Credentials,
  type S3CredentialsProvider,
} from './client.js';
export {
  type DeleteFailure,
  type DeletePrefixOptions,
  deletePrefix,
  PartialDeleteError,
} from './delete-prefix.js';
export { type DownloadFileOptions, type DownloadResult, downloadFile } from './download-file.js';
export { endpointFromEnv } from './endpoint-from-env.js';
export { multipartEtag, unquoteEtag } from './etag.js';
export { formatProgressJsonLine } from './progress-json.js';
export type { FinishedPart, ResumeState } from './resume-state.js';
export type { S3RetryOptions } from './retry-options.js';
export { IntegrityError, type MultipartOutcome, toApiError, UploadFailedError } from './s3-errors.js';
export type { RetryListener } from './send-with-retry.js';
export { type StreamObjectOptions, streamObject } from './stream-object.js';
export { type ProgressListener, ProgressMeter, type TransferProgress } from './transfer-progress.js';
export { uploadFile } from './upload-file.js';
export type { UploadFileOptions, UploadResult } from './upload-options.js';
export { type WithS3RetryOptions, withS3Retry } from './with-s3-retry.js';
