import { ApiError, isApiError } from '@nimbus-sdk/core';

/** What the rollback of a failed upload removed, and what it could not. */
export interface UploadRollback {
  imageId: string;
  /** Objects deleted under `<bucket>/<image_id>/`. */
  objectsDeleted: number;
  /** Unfinished multipart uploads aborted. */
  multipartUploadsAborted: number;
  imageRecordDeleted: boolean;
  /** What the rollback itself failed to remove, in words; empty when it is all gone. */
  leftBehind: string[];
}

/**
 * `uploadArtifacts` failed and was rolled back. The code, status and retryability are the cause's;
 * the message and `rollback` say what was removed and what, if anything, is left.
 */
export class UploadArtifactsError extends ApiError {
  readonly rollback: UploadRollback;

  constructor(cause: unknown, rollback: UploadRollback) {
    const base = isApiError(cause) ? cause : undefined;
    const reason = cause instanceof Error ? cause.message : String(cause);
    const undone =
      rollback.leftBehind.length === 0
        ? `rolled back: deleted ${rollback.objectsDeleted} object(s) and the image record ${rollback.imageId}, aborted ${rollback.multipartUploadsAborted} multipart upload(s)`
        : `rollback incomplete, left behind: ${rollback.leftBehind.join('; ')}`;
    super(
      base?.code ?? 'HTTP',
      `Uploading the artifacts of image ${rollback.imageId} failed: ${reason} (${undone})`,
      {
        cause,
        retryable: base?.retryable ?? false,
        ...(base?.status === undefined ? {} : { status: base.status }),
        details: { rollback, cause: base?.toJSON?.() },
      },
    );
    this.rollback = rollback;
  }
}
