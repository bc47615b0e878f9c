import { createHash, randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TransferProgress } from '@nimbus-sdk/core/s3';
import { z } from 'zod';
import {
  type ArtifactFiles,
  checkArtifactFiles,
  type PlannedArtifact,
  planArtifacts,
} from './artifact-plan.js';
import type { ArtifactStore } from './artifact-store.js';
import {
  IMAGE_ARTIFACT_ORDER,
  IMAGE_ARTIFACTS,
  type ImageArtifactKind,
  MANIFEST_CONTENT_TYPE,
} from './artifact-types.js';
import { fileMd5 } from './file-md5.js';
import { buildImageManifest, type ManifestArtifact, serializeImageManifest } from './manifest.js';
import { parseInput } from './parse-input.js';
import type { ImageRecord, Images } from './resources/images.js';
import type { Jobs } from './resources/jobs.js';
import type { ImsArch } from './resources/records.js';
import { createImageOnce } from './safe-image-create.js';
import { UploadArtifactsError, type UploadRollback } from './upload-error.js';
import type { UploadArtifactsResult } from './upload-output.js';

/** Input of `uploadArtifacts`: the helper's `image upload_artifacts` arguments. */
export interface UploadArtifactsInput extends ArtifactFiles {
  imageName: string;
  /** The IMS job whose `resultant_image_id` is set to the new image. */
  jobId?: string;
  arch?: ImsArch;
  /** Reuse a same-name linked image whose manifest matches the local files' MD5s; upload nothing. */
  skipExisting?: boolean;
  signal?: AbortSignal;
  onProgress?: (event: UploadArtifactsProgress) => void;
}

/** Progress of `uploadArtifacts`, for bars and logs. */
export type UploadArtifactsProgress =
  | { phase: 'image'; imageId: string }
  | { phase: 'upload'; artifact: ImageArtifactKind; transfer: TransferProgress }
  | { phase: 'manifest' | 'link' | 'job' | 'rollback'; imageId: string };

/** What the workflow needs from a client. */
export interface UploadArtifactsDeps {
  images: Images;
  jobs: Jobs;
  store: ArtifactStore;
  bucket: string;
}

// The helper only requires the job id to *start with* a UUID.
const inputSchema = z.looseObject({
  imageName: z.string('imageName is required').min(1, 'imageName cannot be empty'),
  jobId: z
    .string()
    .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i, 'jobId must start with a UUID')
    .optional(),
  arch: z.enum(['x86_64', 'aarch64'], 'arch must be x86_64 or aarch64').optional(),
  skipExisting: z.boolean().optional(),
});

/**
 * The helper's `image upload_artifacts`, rebuilt: the image record is created once (never a blind
 * second POST), the artifacts are uploaded in parallel through core's S3 engine (one read per
 * file, MD5 from that read, multipart ETag checked) under `<image_id>/<suffix>` with their MIME type
 * and the shasta metadata, the version 1.0 manifest goes to `<image_id>/manifest.json`, the image is
 * linked and the job's resultant image set. Any failure removes the uploaded objects, unfinished
 * multipart uploads and the fresh image record, and the {@link UploadArtifactsError} says so.
 */
export async function uploadArtifacts(
  deps: UploadArtifactsDeps,
  input: UploadArtifactsInput,
): Promise<UploadArtifactsResult> {
  parseInput(inputSchema, input, 'upload-artifacts input');
  const files: ArtifactFiles = Object.fromEntries(
    IMAGE_ARTIFACT_ORDER.filter((kind) => input[kind] !== undefined).map((kind) => [kind, input[kind]]),
  );
  const sizes = checkArtifactFiles(files);
  const { signal } = input;
  if (input.skipExisting) {
    const reused = await findMatchingImage(deps, input.imageName, files, signal);
    if (reused) return { image: reused, artifacts: [], reused: true };
  }
  const image = await createImageOnce(
    deps.images,
    { name: input.imageName, ...(input.arch ? { arch: input.arch } : {}) },
    { signal },
  );
  input.onProgress?.({ phase: 'image', imageId: image.id });
  const plan = planArtifacts(files, sizes, image, input.jobId);
  if (plan.length === 0) return { image, artifacts: [], reused: false };

  const stop = new AbortController();
  const uploadSignal = signal ? AbortSignal.any([signal, stop.signal]) : stop.signal;
  try {
    const artifacts = await uploadAll(deps, plan, uploadSignal, stop, input.onProgress);
    input.onProgress?.({ phase: 'manifest', imageId: image.id });
    const manifest = await uploadManifest(deps, image.id, artifacts, uploadSignal);
    input.onProgress?.({ phase: 'link', imageId: image.id });
    const linked = await deps.images.setLink(image.id, manifest.link, { signal });
    let job: UploadArtifactsResult['job'];
    if (input.jobId) {
      input.onProgress?.({ phase: 'job', imageId: image.id });
      job = await deps.jobs.update(input.jobId, { resultant_image_id: image.id }, { signal });
    }
    return { image: linked, ...(job ? { job } : {}), artifacts, manifest, reused: false };
  } catch (error) {
    stop.abort(error);
    input.onProgress?.({ phase: 'rollback', imageId: image.id });
    throw new UploadArtifactsError(error, await rollBack(deps, image.id));
  }
}

/** Every artifact at once; the first failure stops the others (their multipart uploads abort). */
async function uploadAll(
  deps: UploadArtifactsDeps,
  plan: PlannedArtifact[],
  signal: AbortSignal,
  stop: AbortController,
  onProgress: UploadArtifactsInput['onProgress'],
): Promise<ManifestArtifact[]> {
  const settled = await Promise.allSettled(
    plan.map(async (artifact) => {
      try {
        return await uploadOne(deps, artifact, signal, onProgress);
      } catch (error) {
        stop.abort(error);
        throw error;
      }
    }),
  );
  const failure = settled.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failure) throw firstCause(settled, failure.reason);
  return settled.map((result) => (result as PromiseFulfilledResult<ManifestArtifact>).value);
}

/** The error that started it, not the aborts it caused in the other uploads. */
function firstCause(settled: PromiseSettledResult<unknown>[], fallback: unknown): unknown {
  const reasons = settled
    .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
    .map((r) => r.reason);
  return reasons.find((reason) => (reason as { code?: string })?.code !== 'ABORTED') ?? fallback;
}

async function uploadOne(
  deps: UploadArtifactsDeps,
  artifact: PlannedArtifact,
  signal: AbortSignal,
  onProgress: UploadArtifactsInput['onProgress'],
): Promise<ManifestArtifact> {
  const uploaded = await deps.store.upload({
    bucket: deps.bucket,
    key: artifact.key,
    path: artifact.path,
    contentType: artifact.type,
    metadata: artifact.metadata,
    signal,
    onProgress: (transfer) => onProgress?.({ phase: 'upload', artifact: artifact.kind, transfer }),
  });
  const stored = await deps.store.addMetadata(
    deps.bucket,
    artifact.key,
    { md5sum: uploaded.md5 },
    artifact.type,
    signal,
  );
  return {
    type: artifact.type,
    md5: uploaded.md5,
    link: { path: `s3://${deps.bucket}/${artifact.key}`, etag: stored.etag, type: 's3' },
  };
}

/** The manifest, checked as IMS will check it, then uploaded with its `md5sum`; answers its entry. */
async function uploadManifest(
  deps: UploadArtifactsDeps,
  imageId: string,
  artifacts: ManifestArtifact[],
  signal: AbortSignal,
): Promise<ManifestArtifact> {
  const text = serializeImageManifest(buildImageManifest(artifacts));
  const md5 = createHash('md5').update(text).digest('hex');
  const path = join(tmpdir(), `ims-manifest-${imageId}-${randomBytes(4).toString('hex')}.json`);
  await writeFile(path, text, { mode: 0o600 });
  try {
    const key = `${imageId}/manifest.json`;
    const uploaded = await deps.store.upload({
      bucket: deps.bucket,
      key,
      path,
      contentType: MANIFEST_CONTENT_TYPE,
      metadata: { md5sum: md5 },
      signal,
    });
    return {
      type: MANIFEST_CONTENT_TYPE,
      md5,
      link: { path: `s3://${deps.bucket}/${key}`, etag: uploaded.etag, type: 's3' },
    };
  } finally {
    await rm(path, { force: true });
  }
}

/** Removes what a failed upload made; never throws, reports what stayed. */
async function rollBack(deps: UploadArtifactsDeps, imageId: string): Promise<UploadRollback> {
  const rollback: UploadRollback = {
    imageId,
    objectsDeleted: 0,
    multipartUploadsAborted: 0,
    imageRecordDeleted: false,
    leftBehind: [],
  };
  try {
    const cleaned = await deps.store.removePrefix(deps.bucket, `${imageId}/`);
    rollback.objectsDeleted = cleaned.objects;
    rollback.multipartUploadsAborted = cleaned.multipartUploads;
  } catch (error) {
    rollback.leftBehind.push(`objects under s3://${deps.bucket}/${imageId}/ (${(error as Error).message})`);
  }
  try {
    await deps.images.delete(imageId, { cascade: false });
    rollback.imageRecordDeleted = true;
  } catch (error) {
    rollback.leftBehind.push(`image record ${imageId} (${(error as Error).message})`);
  }
  return rollback;
}

/**
 * A same-name linked image whose manifest lists exactly the given artifact types with the local
 * files' MD5s. Local MD5s are computed only when some candidate has the same artifact types.
 */
async function findMatchingImage(
  deps: UploadArtifactsDeps,
  name: string,
  files: ArtifactFiles,
  signal: AbortSignal | undefined,
): Promise<ImageRecord | undefined> {
  const kinds = IMAGE_ARTIFACT_ORDER.filter((kind) => files[kind] !== undefined);
  const wantedTypes = kinds.map((kind) => IMAGE_ARTIFACTS[kind].type).sort();
  const candidates = (await deps.images.list({ signal }).toArray()).filter(
    (image) => image.name === name && image.link,
  );
  let localMd5s: Map<string, string> | undefined;
  for (const image of candidates) {
    const location = /^s3:\/\/([^/]+)\/(.+)$/.exec(image.link?.path ?? '');
    if (!location) continue;
    const manifest = (await deps.store.readJson(location[1] as string, location[2] as string, signal)) as
      | { artifacts?: { type?: string; md5?: string }[] }
      | undefined;
    const entries = Array.isArray(manifest?.artifacts) ? manifest.artifacts : [];
    if (JSON.stringify(entries.map((entry) => entry.type ?? '').sort()) !== JSON.stringify(wantedTypes))
      continue;
    if (!localMd5s) {
      localMd5s = new Map();
      for (const kind of kinds)
        localMd5s.set(IMAGE_ARTIFACTS[kind].type, await fileMd5(files[kind] as string, signal));
    }
    if (entries.every((entry) => localMd5s?.get(entry.type ?? '') === entry.md5)) return image;
  }
  return undefined;
}
