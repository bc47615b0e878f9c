import { ApiError, isApiError } from '@nimbus-sdk/core';
import { z } from 'zod';
import type { ArtifactStore } from './artifact-store.js';
import { RECIPE_CONTENT_TYPE } from './artifact-types.js';
import { fileMd5 } from './file-md5.js';
import { parseInput } from './parse-input.js';
import {
  type RecipeRecord,
  type Recipes,
  type TemplateDictionary,
  type TemplateEntry,
  templateEntries,
} from './resources/recipes.js';
import type { ImsArch } from './resources/records.js';

/** Input of `uploadRecipe` (the helper's `recipe_upload`, its bugs fixed). */
export interface UploadRecipeInput {
  name: string;
  /** The recipe archive (`.tar.gz`). */
  path: string;
  linuxDistribution: 'sles12' | 'sles15' | 'centos7';
  recipeType?: 'kiwi-ng' | 'packer';
  /** Missing means `{}`: a record's `[]` then matches (the helper compared against `None`). */
  templateDictionary?: TemplateDictionary;
  arch?: ImsArch;
  /** `false` is sent (the helper could never send it). */
  requireDkms?: boolean;
  signal?: AbortSignal;
}

/** What the workflow needs from a client. */
export interface UploadRecipeDeps {
  recipes: Recipes;
  store: ArtifactStore;
  bucket: string;
}

const inputSchema = z.looseObject({
  name: z.string('name is required').min(1, 'name cannot be empty'),
  path: z.string('path is required').min(1, 'path cannot be empty'),
  linuxDistribution: z.enum(
    ['sles12', 'sles15', 'centos7'],
    'linuxDistribution must be sles12, sles15 or centos7',
  ),
  recipeType: z.enum(['kiwi-ng', 'packer']).optional(),
  arch: z.enum(['x86_64', 'aarch64']).optional(),
  requireDkms: z.boolean().optional(),
});

/** Same variables and values, in any order. */
function sameDictionary(a: TemplateEntry[], b: TemplateEntry[]): boolean {
  const canonical = (entries: TemplateEntry[]) =>
    JSON.stringify(entries.map(({ key, value }) => [key, value]).sort());
  return canonical(a) === canonical(b);
}

/**
 * Uploads a recipe archive to `recipes/<id>/recipe.tar.gz` and links it. A same-name linked record
 * whose archive has the local MD5 and the same template dictionary is returned as is; a same-name
 * record without a link is reused; otherwise a record is created. The template dictionary is sent
 * in the server's list form. On failure a record created here is deleted and the error says so.
 */
export async function uploadRecipe(deps: UploadRecipeDeps, input: UploadRecipeInput): Promise<RecipeRecord> {
  parseInput(inputSchema, input, 'recipe upload input');
  const { signal } = input;
  const md5 = await fileMd5(input.path, signal);
  const dictionary = templateEntries(input.templateDictionary ?? {});
  const sameName = (await deps.recipes.list({ signal }).toArray()).filter(
    (recipe) => recipe.name === input.name,
  );
  for (const recipe of sameName) {
    const location = /^s3:\/\/([^/]+)\/(.+)$/.exec(recipe.link?.path ?? '');
    if (!location) continue;
    const head = await deps.store.head(location[1] as string, location[2] as string, signal);
    if (head?.metadata.md5sum === md5 && sameDictionary(recipe.template_dictionary, dictionary))
      return recipe;
  }
  const empty = sameName.find((recipe) => recipe.link === null);
  const recipe =
    empty ??
    (await deps.recipes.create(
      {
        name: input.name,
        recipe_type: input.recipeType ?? 'kiwi-ng',
        linux_distribution: input.linuxDistribution,
        ...(dictionary.length > 0 ? { template_dictionary: dictionary } : {}),
        ...(input.arch ? { arch: input.arch } : {}),
        ...(input.requireDkms === undefined ? {} : { require_dkms: input.requireDkms }),
      },
      { signal },
    ));
  const key = `recipes/${recipe.id}/recipe.tar.gz`;
  try {
    const uploaded = await deps.store.upload({
      bucket: deps.bucket,
      key,
      path: input.path,
      contentType: RECIPE_CONTENT_TYPE,
      metadata: { md5sum: md5 },
      signal,
    });
    return await deps.recipes.update(
      recipe.id,
      {
        link: { path: `s3://${deps.bucket}/${key}`, etag: uploaded.etag, type: 's3' },
        ...(empty && input.templateDictionary !== undefined ? { template_dictionary: dictionary } : {}),
      },
      { signal },
    );
  } catch (error) {
    const undone: string[] = [];
    await deps.store.removePrefix(deps.bucket, `recipes/${recipe.id}/`).then(
      () => undone.push(`removed s3://${deps.bucket}/${key}`),
      () => undone.push(`could not remove s3://${deps.bucket}/${key}`),
    );
    if (!empty) {
      await deps.recipes.delete(recipe.id, { cascade: false }).then(
        () => undone.push(`deleted the recipe record ${recipe.id}`),
        () => undone.push(`could not delete the recipe record ${recipe.id}`),
      );
    }
    const base = isApiError(error) ? error : undefined;
    throw new ApiError(
      base?.code ?? 'HTTP',
      `Uploading recipe ${input.name} failed: ${(error as Error).message} (${undone.join(', ')})`,
      {
        cause: error,
        retryable: base?.retryable ?? false,
        ...(base?.status === undefined ? {} : { status: base.status }),
      },
    );
  }
}
