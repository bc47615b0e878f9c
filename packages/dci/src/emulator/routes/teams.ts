import type { EmulatorRequest, Router } from '@nimbus-sdk/core/testing';
import { z } from 'zod';
import { seesAll } from '../caller.js';
import { notAuthorized, notFound } from '../errors.js';
import { rowState, uuid } from './fields.js';
import { parseBody, type RouteContext, registerResource, visibleRow } from './resource-routes.js';
import { withoutPassword } from './users.js';

const createSchema = z
  .object({
    name: z.string().min(1),
    country: z.string().optional(),
    state: rowState.optional(),
    external: z.boolean().optional(),
    has_pre_release_access: z.boolean().optional(),
  })
  .strict();

/** `/teams`: admin/EPM create; a stale etag answers 409. */
export function registerTeams(router: Router, context: RouteContext): void {
  const { state } = context;
  const spec = {
    table: 'teams',
    singular: 'team',
    plural: 'teams',
    columns: [
      'id',
      'name',
      'country',
      'state',
      'external',
      'has_pre_release_access',
      'created_at',
      'updated_at',
      'etag',
    ],
    createSchema,
    updateSchema: createSchema.partial().strict(),
    staleUpdate: 409,
    staleDelete: 409,
    etagHeader: true,
    uniqueName: true,
    visible: (caller, row) => seesAll(caller) || caller.teamIds.has(row.id),
    authorizeCreate: (caller) => {
      if (!caller.superAdmin && !caller.epm) throw notAuthorized();
    },
    canWrite: (caller) => caller.superAdmin || caller.epm,
    defaults: () => ({ country: null, external: false, has_pre_release_access: false }),
  } satisfies Parameters<typeof registerResource>[2];
  registerResource(router, context, spec);

  const members = (teamId: string) =>
    state
      .rows('users')
      .filter((user) => state.teamsOf(user.id).has(teamId))
      .map(withoutPassword);

  router.get('/api/v1/teams/:id/users', async (request) => {
    const caller = await context.caller(request);
    const team = visibleRow(context, spec, caller, request.params.id ?? '');
    const users = members(team.id);
    return { status: 200, body: { users, _meta: { count: users.length } } };
  });
  router.get('/api/v1/teams/:id/remotecis', async (request) => {
    const caller = await context.caller(request);
    const team = visibleRow(context, spec, caller, request.params.id ?? '');
    const remotecis = state
      .rows('remotecis')
      .filter((row) => row.team_id === team.id)
      .map(({ api_secret: _secret, ...row }) => row);
    return { status: 200, body: { remotecis, _meta: { count: remotecis.length } } };
  });
  router.get('/api/v1/teams/:id/products', async (request) => {
    const caller = await context.caller(request);
    const team = visibleRow(context, spec, caller, request.params.id ?? '');
    const products = state
      .rows('products')
      .filter((product) => state.productTeams.get(product.id)?.has(team.id) === true);
    return { status: 200, body: { products, _meta: { count: products.length } } };
  });

  // Which teams' components this team may see; granting and revoking is for admins and EPM.
  const teamsIds = z.object({ teams_ids: z.array(uuid) }).strict();
  router.get('/api/v1/teams/:id/permissions/components', async (request) => {
    const caller = await context.caller(request);
    const team = visibleRow(context, spec, caller, request.params.id ?? '');
    const teams = [...(state.componentPermissions.get(team.id) ?? [])]
      .map((id) => state.find('teams', id))
      .filter(Boolean);
    return { status: 200, body: { teams, _meta: { count: teams.length } } };
  });
  for (const method of ['post', 'delete'] as const) {
    router[method]('/api/v1/teams/:id/permissions/components', async (request) => {
      const caller = await context.caller(request);
      const team = visibleRow(context, spec, caller, request.params.id ?? '');
      if (!caller.superAdmin && !caller.epm) throw notAuthorized();
      const { teams_ids } = parseBody(request, teamsIds);
      const granted = state.componentPermissions.get(team.id) ?? new Set<string>();
      for (const id of teams_ids) {
        if (method === 'post') granted.add(id);
        else granted.delete(id);
      }
      state.componentPermissions.set(team.id, granted);
      return { status: method === 'post' ? 201 : 204 };
    });
  }

  // Membership changes need an EPM or a super admin, as upstream.
  const member = async (request: EmulatorRequest) => {
    const caller = await context.caller(request);
    const team = visibleRow(context, spec, caller, request.params.id ?? '');
    if (!caller.superAdmin && !caller.epm) throw notAuthorized();
    const user = state.find('users', request.params.user ?? '');
    if (!user) throw notFound('user');
    return { team, user };
  };
  router.post('/api/v1/teams/:id/users/:user', async (request) => {
    const { team, user } = await member(request);
    state.teamsOf(user.id).add(team.id);
    return { status: 201, body: { team_id: team.id, user_id: user.id } };
  });
  router.delete('/api/v1/teams/:id/users/:user', async (request) => {
    const { team, user } = await member(request);
    state.teamsOf(user.id).delete(team.id);
    return { status: 204 };
  });
}
