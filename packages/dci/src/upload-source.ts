import { type RequestBody, type UploadProgress, type UploadSource, uploadBody } from '@nimbus-sdk/core';

export type { UploadProgress, UploadSource } from '@nimbus-sdk/core';

/** The DCI server's default upload limit (`MAX_CONTENT_LENGTH_MB` = 20). */
export const DEFAULT_MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** Core's upload body, with the limit named as the DCI server's. */
export function dciUploadBody(
  source: UploadSource,
  contentType: string,
  maxBytes: number,
  onProgress?: UploadProgress,
): Promise<RequestBody> {
  return uploadBody(source, contentType, { maxBytes, limitOwner: 'the DCI server', onProgress });
}
