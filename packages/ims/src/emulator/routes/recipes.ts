import type { EmulatorRequest, Router } from '@nimbus-sdk/core/testing';
import { notFound, PROBLEM_DETAILS, problem } from '../errors.js';
import { checkFields, type FieldSchema, storedLink } from '../fields.js';
import { sameLink, validateRecipeLink } from '../link-validation.js';
import { jsonInput } from '../request-body.js';
import { type ImsVersion, json, noContent, type RouteContext, route } from '../route-context.js';
import { deleteRecipeObject, softDeleteRecipe } from '../s3-moves.js';
import type { StoredRecipe } from '../state.js';

const ARCH = { kind: 'string', choices: ['x86_64', 'aarch64'] } as const;
const CREATE: FieldSchema = {
  name: { kind: 'string', required: true, minLength: 1 },
  recipe_type: { kind: 'string', required: true, choices: ['kiwi-ng', 'packer'] },
  linux_distribution: { kind: 'string', required: true, choices: ['sles12', 'sles15', 'centos7'] },
  link: { kind: 'link' },
  template_dictionary: { kind: 'key-values' },
  require_dkms: { kind: 'boolean' },
  arch: ARCH,
};
const PATCH: FieldSchema = {
  link: { kind: 'link' },
  arch: ARCH,
  require_dkms: { kind: 'boolean' },
  template_dictionary: { kind: 'key-values' },
};

/** `/recipes` and `/recipes/{id}` on every route family. */
export function registerRecipes(router: Router, context: RouteContext): void {
  const { state } = context;
  const find = (id: string): StoredRecipe => {
    const recipe = state.recipes.get(id);
    if (!recipe) throw notFound();
    return recipe;
  };

  route(router, context, 'GET', '/recipes', () => json(200, [...state.recipes.values()]));

  route(router, context, 'POST', '/recipes', async (request) => {
    const input = jsonInput(request);
    checkFields(input, CREATE);
    const link = storedLink(input.link);
    if (link) await validateRecipeLink(link, state, context.s3);
    const recipe: StoredRecipe = {
      id: state.newId(),
      created: state.timestamp(),
      name: input.name as string,
      recipe_type: input.recipe_type as string,
      linux_distribution: input.linux_distribution as string,
      link,
      template_dictionary:
        (input.template_dictionary as StoredRecipe['template_dictionary'] | undefined) ?? [],
      require_dkms: (input.require_dkms as boolean | undefined) ?? true,
      arch: (input.arch as string | undefined) ?? 'x86_64',
    };
    state.recipes.set(recipe.id, recipe);
    return json(201, recipe);
  });

  route(router, context, 'GET', '/recipes/:id', (request) => json(200, find(request.params.id as string)));

  route(router, context, 'PATCH', '/recipes/:id', async (request) => {
    const recipe = find(request.params.id as string);
    const input = jsonInput(request);
    checkFields(input, PATCH);
    for (const [key, value] of Object.entries(input)) {
      if (key === 'arch') recipe.arch = value as string;
      else if (key === 'require_dkms') recipe.require_dkms = value as boolean;
      else if (key === 'template_dictionary') {
        recipe.template_dictionary = value as StoredRecipe['template_dictionary'];
      } else if (key === 'link') {
        const link = storedLink(value);
        if (!link) continue;
        if (recipe.link) {
          if (sameLink(recipe.link, link)) continue;
          throw problem(409, PROBLEM_DETAILS.conflict);
        }
        await validateRecipeLink(link, state, context.s3, recipe.id);
        recipe.link = link;
      }
    }
    return json(200, recipe);
  });

  const remove = async (request: EmulatorRequest, version: ImsVersion, recipe: StoredRecipe) => {
    if (version === 'v3') {
      await softDeleteRecipe(recipe, context);
      return;
    }
    state.recipes.delete(recipe.id);
    if (request.query.get('cascade')?.toLowerCase() !== 'false')
      await deleteRecipeObject(recipe.link, context.s3);
  };
  route(router, context, 'DELETE', '/recipes/:id', async (request, version) => {
    await remove(request, version, find(request.params.id as string));
    return noContent;
  });
  route(router, context, 'DELETE', '/recipes', async (request, version) => {
    for (const recipe of [...state.recipes.values()]) await remove(request, version, recipe);
    return noContent;
  });
}
