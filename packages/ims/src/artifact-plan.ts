import { statSync } from 'node:fs';
import { ValidationError, type ValidationIssue } from '@nimbus-sdk/core';
import { IMAGE_ARTIFACT_ORDER, IMAGE_ARTIFACTS, type ImageArtifactKind } from './artifact-types.js';

/** The local files of an image, by artifact kind. */
export type ArtifactFiles = Partial<Record<ImageArtifactKind, string>>;

/** One file to upload: where it goes and what it is called there. */
export interface PlannedArtifact {
  kind: ImageArtifactKind;
  path: string;
  size: number;
  /** `<image_id>/<suffix>`. */
  key: string;
  /** The manifest type, also the object's Content-Type. */
  type: string;
  /** User metadata without the `x-amz-meta-` prefix (the md5sum is added once it is known). */
  metadata: Record<string, string>;
}

/**
 * Checks the local files before anything is created: each given path is a readable regular file,
 * and a non-empty set has exactly one rootfs (IMS refuses a link without it). Throws one
 * ValidationError naming every problem.
 */
export function checkArtifactFiles(files: ArtifactFiles): Map<ImageArtifactKind, number> {
  const issues: ValidationIssue[] = [];
  const sizes = new Map<ImageArtifactKind, number>();
  for (const kind of IMAGE_ARTIFACT_ORDER) {
    const path = files[kind];
    if (path === undefined) continue;
    try {
      const stat = statSync(path);
      if (!stat.isFile()) issues.push({ path: kind, message: `${path} is not a regular file` });
      else sizes.set(kind, stat.size);
    } catch (error) {
      issues.push({
        path: kind,
        message: `${path} cannot be read (${(error as NodeJS.ErrnoException).code})`,
      });
    }
  }
  const given = IMAGE_ARTIFACT_ORDER.filter((kind) => files[kind] !== undefined);
  if (given.length > 0 && files.rootfs === undefined) {
    issues.push({
      path: 'rootfs',
      message: 'IMS needs exactly one rootfs in an image manifest; give -r/--rootfs',
    });
  }
  if (issues.length > 0) {
    throw new ValidationError(
      `Cannot upload the artifacts: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`,
      issues,
    );
  }
  return sizes;
}

/** The uploads of an image's artifacts, in the helper's order, with their keys and metadata. */
export function planArtifacts(
  files: ArtifactFiles,
  sizes: ReadonlyMap<ImageArtifactKind, number>,
  image: { id: string; name: string },
  jobId: string | undefined,
): PlannedArtifact[] {
  return IMAGE_ARTIFACT_ORDER.filter((kind) => files[kind] !== undefined).map((kind) => ({
    kind,
    path: files[kind] as string,
    size: sizes.get(kind) ?? 0,
    key: `${image.id}/${IMAGE_ARTIFACTS[kind].suffix}`,
    type: IMAGE_ARTIFACTS[kind].type,
    metadata: {
      'x-shasta-ims-image-name': image.name,
      'x-shasta-ims-image-id': image.id,
      ...(jobId ? { 'x-shasta-ims-job-id': jobId } : {}),
    },
  }));
}
