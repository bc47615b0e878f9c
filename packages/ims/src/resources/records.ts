/** Types shared by every IMS record, as the server serves them. */

/** CPU architecture of an image, recipe or job. */
export type ImsArch = 'x86_64' | 'aarch64';

/** Where an artifact lives: only S3 is supported by IMS. */
export interface ArtifactLink {
  /** `s3://<bucket>/<key>`. */
  path: string;
  type: 's3';
  /** The S3 ETag without quotes; `""` when not given. */
  etag?: string;
}

/** Fields every IMS record has. */
export interface ImsRecord {
  /** Server-generated UUID. */
  id: string;
  /** ISO-8601; naive local time for new records, `+00:00` on older ones. */
  created: string;
}

/** What a v3 soft-deleted record adds. */
export interface DeletedFields {
  /** When the record was soft-deleted. */
  deleted: string;
}
