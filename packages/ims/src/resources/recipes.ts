import { z } from 'zod';
import type { CallOptions, ImsApiVersion, ImsContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { Collection, cascadeQuery } from './collection.js';
import type { ArtifactLink, ImsArch, ImsRecord } from './records.js';

/** One template variable, in the server's list form. */
export interface TemplateEntry {
  key: string;
  value: string;
}

/** A recipe's template variables: the server's list, or a plain map converted to it before sending. */
export type TemplateDictionary = TemplateEntry[] | Record<string, string>;

/** An IMS recipe: a kiwi-ng or packer description archive in S3. */
export interface RecipeRecord extends ImsRecord {
  name: string;
  recipe_type: 'kiwi-ng' | 'packer';
  linux_distribution: 'sles12' | 'sles15' | 'centos7';
  link: ArtifactLink | null;
  template_dictionary: TemplateEntry[];
  require_dkms: boolean;
  arch: ImsArch;
}

/** Input of {@link Recipes.create}. */
export interface RecipeCreate {
  name: string;
  recipe_type: 'kiwi-ng' | 'packer';
  linux_distribution: 'sles12' | 'sles15' | 'centos7';
  link?: ArtifactLink;
  template_dictionary?: TemplateDictionary;
  require_dkms?: boolean;
  arch?: ImsArch;
}

/** Input of {@link Recipes.update}. */
export interface RecipeUpdate {
  link?: ArtifactLink;
  arch?: ImsArch;
  require_dkms?: boolean;
  template_dictionary?: TemplateDictionary;
}

let schemas: ReturnType<typeof buildSchemas> | undefined;
function buildSchemas() {
  const link = z
    .object({
      path: z.string().regex(/^s3:\/\/[^/]+\/.+/, 'link.path must be s3://<bucket>/<key>'),
      type: z.literal('s3', 'link.type must be s3'),
      etag: z.string().optional(),
    })
    .strict();
  const arch = z.enum(['x86_64', 'aarch64'], 'arch must be x86_64 or aarch64');
  const dictionary = z.union([
    z.array(z.object({ key: z.string().min(1), value: z.string() }).strict()),
    z.record(z.string(), z.string()),
  ]);
  const create = z
    .object({
      name: z.string('name is required').min(1, 'name cannot be empty'),
      recipe_type: z.enum(['kiwi-ng', 'packer'], 'recipe_type must be kiwi-ng or packer'),
      linux_distribution: z.enum(
        ['sles12', 'sles15', 'centos7'],
        'linux_distribution must be sles12, sles15 or centos7',
      ),
      link: link.optional(),
      template_dictionary: dictionary.optional(),
      require_dkms: z.boolean().optional(),
      arch: arch.optional(),
    })
    .strict();
  const update = z
    .object({
      link: link.optional(),
      arch: arch.optional(),
      require_dkms: z.boolean().optional(),
      template_dictionary: dictionary.optional(),
    })
    .strict()
    .refine((value) => Object.keys(value).length > 0, 'give at least one field to change');
  return { create, update };
}
const recipeSchemas = () => {
  schemas ??= buildSchemas();
  return schemas;
};

/** The server's list form of a template dictionary (the helper sent a map in PATCH: a 422). */
export function templateEntries(dictionary: TemplateDictionary): TemplateEntry[] {
  if (Array.isArray(dictionary)) return dictionary.map(({ key, value }) => ({ key, value }));
  return Object.entries(dictionary).map(([key, value]) => ({ key, value }));
}

function withListDictionary<T extends { template_dictionary?: TemplateDictionary }>(input: T): T {
  if (input.template_dictionary === undefined) return input;
  return { ...input, template_dictionary: templateEntries(input.template_dictionary) };
}

/** Options of {@link Recipes.delete}. */
export interface RecipeDeleteOptions extends CallOptions {
  /** v2 only: also delete the recipe archive in S3. The server's default is true. */
  cascade?: boolean;
}

/** `/recipes` (v2, unversioned) or `/v3/recipes`. */
export class Recipes extends Collection<RecipeRecord, RecipeCreate> {
  constructor(context: ImsContext, version: ImsApiVersion) {
    super(context, version, { path: '/recipes', singular: 'recipe' }, () => recipeSchemas().create);
  }

  protected override toCreateBody(input: unknown): unknown {
    return withListDictionary(input as RecipeCreate);
  }

  /** PATCHes the recipe (link write-once, arch, require_dkms, template_dictionary). */
  async update(id: string, change: RecipeUpdate, options: CallOptions = {}): Promise<RecipeRecord> {
    const body = withListDictionary(parseInput(recipeSchemas().update, change, 'recipe update'));
    return this.patch(id, body, options, true);
  }

  /** Deletes the recipe: hard (and by default its archive) on v2, soft on v3. */
  delete(id: string, options: RecipeDeleteOptions = {}): Promise<void> {
    return this.deleteWith(id, cascadeQuery(this.version, options.cascade), options);
  }

  /** Deletes every recipe of the collection. */
  deleteAll(options: RecipeDeleteOptions = {}): Promise<void> {
    return this.deleteAllWith(cascadeQuery(this.version, options.cascade), options);
  }
}
