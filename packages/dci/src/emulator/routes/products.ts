import type { Router } from '@nimbus-sdk/core/testing';
import { z } from 'zod';
import { seesAll } from '../caller.js';
import { notAuthorized } from '../errors.js';
import type { Row } from '../state.js';
import { rowState, uuid } from './fields.js';
import { parseBody, type RouteContext, registerResource, visibleRow } from './resource-routes.js';

const createSchema = z
  .object({
    name: z.string().min(1),
    label: z.string().optional(),
    description: z.string().optional(),
    state: rowState.optional(),
  })
  .strict();

/** `/products`: super admin writes; non-admins see products linked to their teams. */
export function registerProducts(router: Router, context: RouteContext): void {
  const { state } = context;
  const spec = {
    table: 'products',
    singular: 'product',
    plural: 'products',
    columns: ['id', 'name', 'label', 'description', 'state', 'created_at', 'updated_at', 'etag'],
    createSchema,
    updateSchema: createSchema.partial().strict(),
    staleUpdate: 404,
    staleDelete: 409,
    etagHeader: true,
    uniqueName: true,
    visible: (caller, row) =>
      seesAll(caller) || [...(state.productTeams.get(row.id) ?? [])].some((team) => caller.teamIds.has(team)),
    authorizeCreate: (caller) => {
      if (!caller.superAdmin) throw notAuthorized();
    },
    canWrite: (caller) => caller.superAdmin,
    defaults: (_caller, body) => ({ label: String(body.name).toUpperCase(), description: null }),
  } satisfies Parameters<typeof registerResource>[2];
  registerResource(router, context, spec);

  const teamsOf = (product: Row) =>
    [...(state.productTeams.get(product.id) ?? [])].map((id) => state.find('teams', id)).filter(Boolean);

  // The teams of a product are for admins and EPM, like changing them.
  router.get('/api/v1/products/:id/teams', async (request) => {
    const caller = await context.caller(request);
    const product = visibleRow(context, spec, caller, request.params.id ?? '');
    if (!caller.superAdmin && !caller.epm) throw notAuthorized();
    const teams = teamsOf(product);
    return { status: 200, body: { teams, _meta: { count: teams.length } } };
  });
  router.post('/api/v1/products/:id/teams', async (request) => {
    const caller = await context.caller(request);
    const product = visibleRow(context, spec, caller, request.params.id ?? '');
    if (!caller.superAdmin && !caller.epm) throw notAuthorized();
    const { team_id } = parseBody(request, z.object({ team_id: uuid }).strict());
    if (!state.find('teams', team_id)) throw notAuthorized();
    const links = state.productTeams.get(product.id) ?? new Set<string>();
    links.add(team_id);
    state.productTeams.set(product.id, links);
    return { status: 201, body: { product_id: product.id, team_id } };
  });
  router.delete('/api/v1/products/:id/teams/:team', async (request) => {
    const caller = await context.caller(request);
    const product = visibleRow(context, spec, caller, request.params.id ?? '');
    if (!caller.superAdmin && !caller.epm) throw notAuthorized();
    state.productTeams.get(product.id)?.delete(request.params.team ?? '');
    return { status: 204 };
  });
}
