import { MANIFEST_CONTENT_TYPE } from './artifact-types.js';
import { type ManifestArtifact, sortKeys } from './manifest.js';
import type { ImageRecord } from './resources/images.js';
import type { JobRecord } from './resources/jobs.js';

/** What `uploadArtifacts` did. */
export interface UploadArtifactsResult {
  /** The image record, linked to its manifest (or the existing one reused by `skipExisting`). */
  image: ImageRecord;
  /** The job with its `resultant_image_id`, when a job id was given. */
  job?: JobRecord;
  /** One entry per uploaded artifact, as the manifest lists them; empty when nothing was uploaded. */
  artifacts: ManifestArtifact[];
  /** The manifest's own entry (type `application/json`); absent when nothing was uploaded. */
  manifest?: ManifestArtifact;
  /** True when `skipExisting` found a same-name image whose artifacts match the local files. */
  reused: boolean;
}

/** The helper's output object (§8.1 of its current release), keys sorted as it prints them. */
export interface HelperUploadOutput {
  ims_image_artifacts: ManifestArtifact[];
  ims_image_record: ImageRecord;
  ims_job_record?: JobRecord;
  result: 'success';
}

/**
 * `image upload_artifacts`'s JSON, for drop-in use by ims-utils scripts: the artifacts with the
 * manifest entry last, the image record, the job record only when a job id was given.
 */
export function helperUploadOutput(result: UploadArtifactsResult): HelperUploadOutput {
  const artifacts = result.manifest
    ? [...result.artifacts, { ...result.manifest, type: MANIFEST_CONTENT_TYPE }]
    : result.artifacts;
  return sortKeys({
    ims_image_artifacts: artifacts,
    ims_image_record: result.image,
    ...(result.job ? { ims_job_record: result.job } : {}),
    result: 'success',
  }) as HelperUploadOutput;
}

/** `image set_job_status`'s JSON. */
export function helperJobStatusOutput(job: JobRecord): { ims_job_record: JobRecord; result: 'success' } {
  return sortKeys({ ims_job_record: job, result: 'success' }) as {
    ims_job_record: JobRecord;
    result: 'success';
  };
}
