import { problem, unprocessable } from './errors.js';
import { parseS3Path, type S3Objects } from './s3-objects.js';
import type { ImsState, StoredLink } from './state.js';

const MANIFEST_MAX_BYTES = 1024 * 1024;
const ROOTFS_TYPE = 'application/vnd.cray.image.rootfs.squashfs';

/** The S3 store link validation talks to; absent when the emulator was started without S3. */
export type LinkStore = S3Objects | undefined;

async function headOrFail(store: LinkStore, path: string, what: string): Promise<void> {
  const location = parseS3Path(path);
  const head = location && store ? await store.head(location.bucket, location.key) : undefined;
  if (!head) throw unprocessable([], `${what} ${path} could not be found in S3.`);
}

/**
 * What IMS checks before it accepts an image's first link, in its order: the path is unused by
 * other images (422), the manifest exists (422), is under 1 MiB (400) and is JSON (a crash on v2,
 * skipped on v3), has version 1.0 (422), lists S3 artifacts that all exist (422), and exactly one
 * rootfs (400).
 */
export async function validateImageLink(
  link: StoredLink,
  state: ImsState,
  store: LinkStore,
  version: 'v2' | 'v3',
  exceptId?: string,
): Promise<void> {
  for (const image of state.images.values()) {
    if (image.id !== exceptId && image.link?.path === link.path) {
      throw unprocessable([], `An image record already exists with the link path ${link.path}.`);
    }
  }
  await headOrFail(store, link.path, 'The manifest');
  const location = parseS3Path(link.path) as { bucket: string; key: string };
  const bytes = await (store as S3Objects).get(location.bucket, location.key);
  if (bytes.byteLength >= MANIFEST_MAX_BYTES) {
    throw problem(
      400,
      `The manifest ${link.path} is larger than the maximum size of ${MANIFEST_MAX_BYTES} bytes.`,
    );
  }
  let manifest: unknown;
  try {
    manifest = JSON.parse(bytes.toString('utf8'));
  } catch {
    if (version === 'v3') return;
    throw problem(500, 'An internal error occurred while reading the image manifest.', [
      `The manifest ${link.path} is not valid JSON.`,
    ]);
  }
  const record = (manifest ?? {}) as { version?: unknown; artifacts?: unknown };
  if (record.version !== '1.0') {
    throw unprocessable(
      [],
      `Unsupported manifest version ${JSON.stringify(record.version ?? null)}; expected 1.0.`,
    );
  }
  if (!Array.isArray(record.artifacts)) throw unprocessable([], 'The manifest has no list of artifacts.');
  let rootfs = 0;
  for (const artifact of record.artifacts as unknown[]) {
    const entry = (artifact ?? {}) as { type?: unknown; link?: { type?: unknown; path?: unknown } };
    if (typeof artifact !== 'object' || entry.link?.type !== 's3' || typeof entry.link.path !== 'string') {
      throw unprocessable([], 'Every manifest artifact must be an object with an s3 link and a path.');
    }
    await headOrFail(store, entry.link.path, 'The artifact');
    if (typeof entry.type === 'string' && entry.type.startsWith(ROOTFS_TYPE)) rootfs++;
  }
  if (rootfs !== 1) {
    throw problem(400, `The manifest must list exactly one rootfs artifact; found ${rootfs}.`);
  }
}

/**
 * What IMS checks before it accepts a recipe's first link: the path is unused by other recipes
 * (the real server crashes there: 500) and the object exists in S3 (422).
 */
export async function validateRecipeLink(
  link: StoredLink,
  state: ImsState,
  store: LinkStore,
  exceptId?: string,
): Promise<void> {
  for (const recipe of state.recipes.values()) {
    if (recipe.id !== exceptId && recipe.link?.path === link.path) {
      throw problem(500, 'An internal error occurred.', [
        `A recipe already uses the link path ${link.path}.`,
      ]);
    }
  }
  await headOrFail(store, link.path, 'The recipe archive');
}

/** Same link as the stored one, as IMS compares them: exact equality, etag included. */
export function sameLink(a: StoredLink, b: StoredLink): boolean {
  return a.path === b.path && a.type === b.type && a.etag === b.etag;
}
