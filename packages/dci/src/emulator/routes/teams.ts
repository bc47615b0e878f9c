import type { EmulatorRequest, Router } from '@nimbus-sdk/core/testing';
import { z } from 'zod';
import { seesAll } from '../caller.js';
import { notAuthorized, notFound } from '../dci-error.js';
import { type RouteContext, registerResource, visibleRow } from '../resource-routes.js';
import { state } from './fields.js';
import { withoutPassword } from './users.js';

const createSchema = z
  .object({
    name: z.string().min(1),
    country: z.string().optional(),
    state: state.optional(),
    external: z.boolean().optional(),
    has_pre_release_access: z.boolean().optional(),
  })
  .strict();

/** `/teams`: admin/EPM create; a stale etag answers 409. */
export function registerTeams(router: Router, context: RouteContext): void {
  const { store } = context;
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
    store
      .rows('users')
      .filter((user) => store.teamsOf(user.id).has(teamId))
      .map(withoutPassword);

  router.get('/api/v1/teams/:id/users', async (request) => {
    const caller = await context.caller(request);
    const team = visibleRow(context, spec, caller, request.params.id ?? '');
    const users = members(team.id);
    return { status: 200, body: { users, _meta: { count: users.length } } };
  });
  // Membership changes need an EPM or a super admin, as upstream.
  const member = async (request: EmulatorRequest) => {
    const caller = await context.caller(request);
    const team = visibleRow(context, spec, caller, request.params.id ?? '');
    if (!caller.superAdmin && !caller.epm) throw notAuthorized();
    const user = store.find('users', request.params.user ?? '');
    if (!user) throw notFound('user');
    return { team, user };
  };
  router.post('/api/v1/teams/:id/users/:user', async (request) => {
    const { team, user } = await member(request);
    store.teamsOf(user.id).add(team.id);
    return { status: 201, body: { team_id: team.id, user_id: user.id } };
  });
  router.delete('/api/v1/teams/:id/users/:user', async (request) => {
    const { team, user } = await member(request);
    store.teamsOf(user.id).delete(team.id);
    return { status: 204 };
  });
}
