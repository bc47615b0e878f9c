import type { Router } from '@nimbus-sdk/core/testing';
import { z } from 'zod';
import { seesAll } from '../caller.js';
import { notAuthorized } from '../errors.js';
import type { Row } from '../state.js';
import { rowState } from './fields.js';
import { type RouteContext, registerResource, visibleRow } from './resource-routes.js';

const fields = {
  name: z.string().min(1),
  fullname: z.string().optional(),
  email: z.string().optional(),
  sso_username: z.string().optional(),
  password: z.string().optional(),
  timezone: z.string().optional(),
  state: rowState.optional(),
};
const createSchema = z
  .object(fields)
  .strict()
  .refine((user) => user.email !== undefined || user.sso_username !== undefined, {
    message: "'email' or 'sso_username' is required",
  });

/** The password is stored aside and never serialised. */
export function withoutPassword(row: Row): Record<string, unknown> {
  const { password: _password, ...rest } = row;
  return rest;
}

/** `/users`: admin/EPM create; a stale etag answers 409. */
export function registerUsers(router: Router, context: RouteContext): void {
  const { state } = context;
  const spec = {
    table: 'users',
    singular: 'user',
    plural: 'users',
    columns: [
      'id',
      'name',
      'fullname',
      'email',
      'sso_username',
      'timezone',
      'state',
      'created_at',
      'updated_at',
      'etag',
    ],
    createSchema,
    updateSchema: z.object(fields).partial().strict(),
    staleUpdate: 409,
    staleDelete: 409,
    etagHeader: true,
    uniqueName: true,
    visible: (caller, row) =>
      seesAll(caller) ||
      row.id === caller.id ||
      [...state.teamsOf(row.id)].some((team) => caller.teamIds.has(team)),
    // Listing users is for super admins and EPM only; anyone else (a remoteci too) gets 401.
    authorizeList: (caller) => {
      if (!caller.superAdmin && !caller.epm) throw notAuthorized();
    },
    authorizeCreate: (caller) => {
      if (!caller.superAdmin && !caller.epm) throw notAuthorized();
    },
    // PUT and DELETE /users/<id> are the super admin's; users edit themselves through /users/me.
    canWrite: (caller) => caller.superAdmin,
    defaults: (_caller, body) => ({
      fullname: body.name,
      email: null,
      sso_username: null,
      sso_sub: null,
      timezone: 'UTC',
    }),
    view: withoutPassword,
    afterCreate: (row: Row) => keepPasswordAside(row),
    afterUpdate: (row: Row) => keepPasswordAside(row),
  } satisfies Parameters<typeof registerResource>[2];
  registerResource(router, context, spec);

  router.get('/api/v1/users/:id/teams', async (request) => {
    const caller = await context.caller(request);
    const user = visibleRow(context, spec, caller, request.params.id ?? '');
    const teams = [...state.teamsOf(user.id)].map((id) => state.find('teams', id)).filter(Boolean);
    return { status: 200, body: { teams, _meta: { count: teams.length } } };
  });

  router.get('/api/v1/users/:id/remotecis', async (request) => {
    const caller = await context.caller(request);
    const user = visibleRow(context, spec, caller, request.params.id ?? '');
    const remotecis = state
      .rows('remotecis')
      .filter((row) => state.remoteciUsers.get(row.id)?.has(user.id) === true)
      .map(({ api_secret: _secret, ...row }) => row);
    return { status: 200, body: { remotecis, _meta: { count: remotecis.length } } };
  });

  function keepPasswordAside(row: Row): void {
    if (typeof row.password === 'string') state.passwords.set(row.id, row.password);
    delete row.password;
  }
}
