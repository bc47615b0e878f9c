import { ValidationError, type ValidationIssue } from '@nimbus-sdk/core';
import { ROOTFS_TYPE_PREFIX } from './artifact-types.js';

/** The only manifest version IMS accepts. */
export const MANIFEST_VERSION = '1.0';

/** The S3 link of one artifact, as the manifest and IMS records write it. */
export interface ManifestLink {
  /** `s3://<bucket>/<key>`. */
  path: string;
  /** The S3 ETag without quotes (`<md5>` or `<md5-of-part-md5s>-<parts>`). */
  etag: string;
  type: 's3';
}

/** One artifact entry of an image manifest. */
export interface ManifestArtifact {
  /** MIME type (`application/vnd.cray.image.rootfs.squashfs`, ...). */
  type: string;
  /** Lower-case hex MD5 of the whole file. */
  md5: string;
  link: ManifestLink;
}

/** An image manifest, version 1.0: what an image record's link points at. */
export interface ImageManifest {
  version: typeof MANIFEST_VERSION;
  /** Local time as Python's `str(datetime.now())` writes it: `2023-02-07 21:38:50.567059`. */
  created: string;
  artifacts: ManifestArtifact[];
}

/**
 * Builds a version 1.0 manifest and applies the checks IMS makes when the image is linked, so a
 * manifest IMS would refuse is never uploaded.
 *
 * @example
 * const manifest = buildImageManifest([{ type: IMAGE_ARTIFACTS.rootfs.type, md5, link }]);
 */
export function buildImageManifest(
  artifacts: readonly ManifestArtifact[],
  created = new Date(),
): ImageManifest {
  const manifest: ImageManifest = {
    version: MANIFEST_VERSION,
    created: pythonLocalTimestamp(created),
    artifacts: artifacts.map((artifact) => ({
      type: artifact.type,
      md5: artifact.md5,
      link: { path: artifact.link.path, etag: stripQuotes(artifact.link.etag), type: 's3' },
    })),
  };
  checkImageManifest(manifest);
  return manifest;
}

/**
 * The checks IMS makes on a manifest before it accepts a link (version 1.0, artifacts that are s3
 * links, exactly one rootfs), here before anything is written. Throws one ValidationError naming
 * every problem.
 */
export function checkImageManifest(manifest: unknown): asserts manifest is ImageManifest {
  const issues: ValidationIssue[] = [];
  const record = manifest && typeof manifest === 'object' ? (manifest as Record<string, unknown>) : undefined;
  if (!record) {
    throw new ValidationError('The image manifest must be a JSON object', [
      { path: '(manifest)', message: 'not an object' },
    ]);
  }
  if (record.version !== MANIFEST_VERSION) {
    issues.push({
      path: 'version',
      message: `must be "${MANIFEST_VERSION}", got ${JSON.stringify(record.version)}`,
    });
  }
  const artifacts = record.artifacts;
  if (!Array.isArray(artifacts)) {
    issues.push({ path: 'artifacts', message: 'must be a list of artifacts' });
  } else {
    for (const [index, artifact] of artifacts.entries()) issues.push(...artifactIssues(artifact, index));
    const rootfs = artifacts.filter(
      (artifact: unknown) =>
        typeof (artifact as { type?: unknown })?.type === 'string' &&
        (artifact as { type: string }).type.startsWith(ROOTFS_TYPE_PREFIX),
    ).length;
    if (rootfs !== 1) {
      issues.push({
        path: 'artifacts',
        message: `must hold exactly one rootfs (${ROOTFS_TYPE_PREFIX}), found ${rootfs}`,
      });
    }
  }
  if (issues.length > 0) {
    const summary = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
    throw new ValidationError(`The image manifest would be refused by IMS: ${summary}`, issues);
  }
}

function artifactIssues(artifact: unknown, index: number): ValidationIssue[] {
  const at = `artifacts.${index}`;
  if (!artifact || typeof artifact !== 'object') return [{ path: at, message: 'must be an object' }];
  const { type, md5, link } = artifact as { type?: unknown; md5?: unknown; link?: unknown };
  const issues: ValidationIssue[] = [];
  if (typeof type !== 'string' || type === '')
    issues.push({ path: `${at}.type`, message: 'must be a MIME type' });
  if (typeof md5 !== 'string' || !/^[0-9a-f]{32}$/.test(md5)) {
    issues.push({ path: `${at}.md5`, message: 'must be a lower-case hex MD5' });
  }
  const { path, type: linkType } = (link ?? {}) as { path?: unknown; type?: unknown };
  if (linkType !== 's3') issues.push({ path: `${at}.link.type`, message: 'must be s3' });
  if (typeof path !== 'string' || !/^s3:\/\/[^/]+\/.+/.test(path)) {
    issues.push({ path: `${at}.link.path`, message: 'must be s3://<bucket>/<key>' });
  }
  return issues;
}

/**
 * The manifest as the helper writes it: keys sorted, 4-space indent, so a manifest written by
 * nimbus reads the same as one written by ims-python-helper.
 */
export function serializeImageManifest(manifest: ImageManifest): string {
  return JSON.stringify(sortKeys(manifest), null, 4);
}

/** A JSON value with every object's keys in sorted order (Python's `sort_keys=True`). */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as Record<string, unknown>)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** `ETag: "abc"` → `abc`, as the manifest and links store it. */
export function stripQuotes(etag: string): string {
  return etag.replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
}

function pythonLocalTimestamp(date: Date): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
  return `${day} ${time}.${pad(date.getMilliseconds() * 1000, 6)}`;
}
