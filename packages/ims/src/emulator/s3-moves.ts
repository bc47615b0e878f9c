import type { RouteContext } from './route-context.js';
import { parseS3Path, type S3Objects } from './s3-objects.js';
import type { StoredImage, StoredLink, StoredRecipe } from './state.js';

const MANIFEST_ENTRY_TYPE = 'application/vnd.cray.image.manifest';

interface ManifestEntry {
  type?: string;
  md5?: string;
  link: { path: string; etag: string; type: string };
}

async function readManifest(s3: S3Objects, path: string): Promise<ManifestEntry[]> {
  const location = parseS3Path(path);
  if (!location || !(await s3.head(location.bucket, location.key))) return [];
  try {
    const manifest = JSON.parse((await s3.get(location.bucket, location.key)).toString('utf8')) as {
      artifacts?: unknown;
    };
    return Array.isArray(manifest.artifacts)
      ? (manifest.artifacts as ManifestEntry[]).filter((entry) => typeof entry?.link?.path === 'string')
      : [];
  } catch {
    return [];
  }
}

async function deletePath(s3: S3Objects, path: string): Promise<void> {
  const location = parseS3Path(path);
  if (location) await s3.delete(location.bucket, location.key);
}

async function movePath(
  s3: S3Objects,
  path: string,
  toKey: (key: string) => string,
): Promise<StoredLink | undefined> {
  const from = parseS3Path(path);
  if (!from || !(await s3.head(from.bucket, from.key))) return undefined;
  const to = { bucket: from.bucket, key: toKey(from.key) };
  const etag = await s3.move(from, to);
  return { path: `s3://${to.bucket}/${to.key}`, etag: etag.replace(/^"|"$/g, ''), type: 's3' };
}

const toDeleted = (key: string) => `deleted/${key}`;
const fromDeleted = (key: string) => key.replace(/^deleted\//, '');

function pythonTimestamp(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** v2 cascade: every artifact of the manifest, then the manifest. */
export async function deleteImageObjects(link: StoredLink | null, s3: S3Objects | undefined): Promise<void> {
  if (!link || !s3) return;
  for (const entry of await readManifest(s3, link.path)) await deletePath(s3, entry.link.path);
  await deletePath(s3, link.path);
}

/**
 * v3 soft delete: each artifact and the manifest move under `deleted/`, and a
 * `deleted/<id>/deleted_manifest.json` listing the new places becomes the deleted record's link.
 */
export async function softDeleteImage(image: StoredImage, context: RouteContext): Promise<void> {
  const { state, s3 } = context;
  let link = image.link;
  if (image.link && s3) {
    const moved: ManifestEntry[] = [];
    for (const entry of await readManifest(s3, image.link.path)) {
      const to = await movePath(s3, entry.link.path, toDeleted);
      if (to) moved.push({ ...entry, link: to });
    }
    const manifestTo = await movePath(s3, image.link.path, toDeleted);
    if (manifestTo) moved.push({ type: MANIFEST_ENTRY_TYPE, link: manifestTo });
    const manifestAt = parseS3Path(image.link.path);
    if (manifestAt) {
      const key = `deleted/${image.id}/deleted_manifest.json`;
      const body = { version: '1.0', created: pythonTimestamp(state.now()), artifacts: moved };
      await s3.put(manifestAt.bucket, key, Buffer.from(JSON.stringify(body)), 'application/json');
      const head = await s3.head(manifestAt.bucket, key);
      link = {
        path: `s3://${manifestAt.bucket}/${key}`,
        etag: (head?.etag ?? '').replace(/^"|"$/g, ''),
        type: 's3',
      };
    }
  }
  state.images.delete(image.id);
  state.originalLinks.set(image.id, image.link);
  state.deletedImages.set(image.id, { ...image, link, deleted: state.timestamp() });
}

/** v3 undelete: the objects move back and the record gets its original link again. */
export async function undeleteImage(id: string, context: RouteContext): Promise<void> {
  const { state, s3 } = context;
  const deleted = state.deletedImages.get(id);
  if (!deleted) return;
  if (deleted.link && s3) {
    for (const entry of await readManifest(s3, deleted.link.path))
      await movePath(s3, entry.link.path, fromDeleted);
    await deletePath(s3, deleted.link.path);
  }
  const { deleted: _when, ...image } = deleted;
  state.deletedImages.delete(id);
  state.images.set(id, { ...image, link: state.originalLinks.get(id) ?? null });
  state.originalLinks.delete(id);
}

/** v3 purge: the moved objects, the deleted manifest and the record go for good. */
export async function purgeImage(id: string, context: RouteContext): Promise<void> {
  const { state, s3 } = context;
  const deleted = state.deletedImages.get(id);
  if (!deleted) return;
  if (deleted.link && s3) {
    for (const entry of await readManifest(s3, deleted.link.path)) await deletePath(s3, entry.link.path);
    await deletePath(s3, deleted.link.path);
  }
  state.deletedImages.delete(id);
  state.originalLinks.delete(id);
}

/** v2 cascade of a recipe: its archive. */
export async function deleteRecipeObject(link: StoredLink | null, s3: S3Objects | undefined): Promise<void> {
  if (link && s3) await deletePath(s3, link.path);
}

/** v3 soft delete of a recipe: its archive moves under `deleted/`. */
export async function softDeleteRecipe(recipe: StoredRecipe, context: RouteContext): Promise<void> {
  const { state, s3 } = context;
  const link =
    recipe.link && s3 ? ((await movePath(s3, recipe.link.path, toDeleted)) ?? recipe.link) : recipe.link;
  state.recipes.delete(recipe.id);
  state.originalLinks.set(recipe.id, recipe.link);
  state.deletedRecipes.set(recipe.id, { ...recipe, link, deleted: state.timestamp() });
}

/** v3 undelete of a recipe. */
export async function undeleteRecipe(id: string, context: RouteContext): Promise<void> {
  const { state, s3 } = context;
  const deleted = state.deletedRecipes.get(id);
  if (!deleted) return;
  if (deleted.link && s3) await movePath(s3, deleted.link.path, fromDeleted);
  const { deleted: _when, ...recipe } = deleted;
  state.deletedRecipes.delete(id);
  state.recipes.set(id, { ...recipe, link: state.originalLinks.get(id) ?? null });
  state.originalLinks.delete(id);
}

/** v3 purge of a recipe. */
export async function purgeRecipe(id: string, context: RouteContext): Promise<void> {
  const { state, s3 } = context;
  const deleted = state.deletedRecipes.get(id);
  if (!deleted) return;
  await deleteRecipeObject(deleted.link, s3);
  state.deletedRecipes.delete(id);
  state.originalLinks.delete(id);
}
