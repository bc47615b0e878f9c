import type { Router } from '@nimbus-sdk/core/testing';
import { notFound } from '../errors.js';
import { checkFields } from '../fields.js';
import { jsonInput } from '../request-body.js';
import { json, noContent, type RouteContext, route } from '../route-context.js';
import { purgeImage, purgeRecipe, undeleteImage, undeleteRecipe } from '../s3-moves.js';

interface DeletedKind {
  path: string;
  records: (context: RouteContext) => Map<string, unknown>;
  undelete(id: string, context: RouteContext): Promise<void>;
  purge(id: string, context: RouteContext): Promise<void>;
}

const KINDS: readonly DeletedKind[] = [
  { path: 'images', records: (c) => c.state.deletedImages, undelete: undeleteImage, purge: purgeImage },
  { path: 'recipes', records: (c) => c.state.deletedRecipes, undelete: undeleteRecipe, purge: purgeRecipe },
  {
    path: 'public-keys',
    records: (c) => c.state.deletedPublicKeys,
    undelete: async (id, c) => {
      const deleted = c.state.deletedPublicKeys.get(id);
      if (!deleted) return;
      const { deleted: _when, ...key } = deleted;
      c.state.deletedPublicKeys.delete(id);
      c.state.publicKeys.set(id, key);
    },
    purge: async (id, c) => {
      c.state.deletedPublicKeys.delete(id);
    },
  },
];

/** `/v3/deleted/{images,recipes,public-keys}`: list, get, undelete (PATCH) and purge (DELETE). */
export function registerDeleted(router: Router, context: RouteContext): void {
  for (const kind of KINDS) {
    const records = () => kind.records(context);
    const base = `/deleted/${kind.path}`;
    const find = (id: string) => {
      if (!records().has(id)) throw notFound();
      return records().get(id);
    };
    route(router, context, 'GET', base, () => json(200, [...records().values()]), ['v3']);
    route(router, context, 'GET', `${base}/:id`, (request) => json(200, find(request.params.id as string)), [
      'v3',
    ]);
    route(
      router,
      context,
      'PATCH',
      `${base}/:id`,
      async (request) => {
        const id = request.params.id as string;
        find(id);
        const input = jsonInput(request);
        checkFields(input, { operation: { kind: 'string', required: true, choices: ['undelete'] } });
        await kind.undelete(id, context);
        return noContent;
      },
      ['v3'],
    );
    route(
      router,
      context,
      'DELETE',
      `${base}/:id`,
      async (request) => {
        const id = request.params.id as string;
        find(id);
        await kind.purge(id, context);
        return noContent;
      },
      ['v3'],
    );
    route(
      router,
      context,
      'DELETE',
      base,
      async () => {
        for (const id of [...records().keys()]) await kind.purge(id, context);
        return noContent;
      },
      ['v3'],
    );
  }
}
