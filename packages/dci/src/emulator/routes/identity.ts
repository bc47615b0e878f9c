import type { EmulatorRequest, Router } from '@nimbus-sdk/core/testing';
import { z } from 'zod';
import { dciError, notAuthorized } from '../errors.js';
import { checkIfMatch, parseBody, type RouteContext } from './resource-routes.js';
import { withoutPassword } from './users.js';

const identityUpdate = z
  .object({
    current_password: z.string().optional(),
    new_password: z.string().optional(),
    fullname: z.string().optional(),
    email: z.string().optional(),
    timezone: z.string().optional(),
  })
  .strict();

/** `GET /api/v1/` (health, no auth), the caller's identity, and `/users/me`. */
export function registerIdentity(router: Router, context: RouteContext): void {
  const { state } = context;
  router.get('/api/v1', () => ({ status: 200, body: { _status: 'OK', message: 'Distributed CI.' } }));
  router.get('/api/v1/identity', async (request) => {
    const caller = await context.caller(request);
    const teams: Record<string, unknown> = {};
    for (const teamId of caller.teamIds) {
      const team = state.find('teams', teamId);
      if (!team) continue;
      teams[teamId] =
        caller.kind === 'user'
          ? { id: team.id, name: team.name, has_pre_release_access: team.has_pre_release_access }
          : { team_name: team.name, state: team.state, has_pre_release_access: team.has_pre_release_access };
    }
    const user = caller.kind === 'user';
    return {
      status: 200,
      // A user's identity carries the user's etag (the If-Match of PUT /identity); agents have none.
      headers: user ? { etag: caller.row.etag } : undefined,
      body: {
        identity: {
          id: caller.id,
          etag: user ? caller.row.etag : null,
          name: user ? caller.row.name : null,
          fullname: user ? caller.row.fullname : null,
          email: user ? caller.row.email : null,
          timezone: user ? caller.row.timezone : null,
          teams,
        },
      },
    };
  });
  // A user edits itself with If-Match (stale → 409); the current password is required unless read-only.
  const updateMe = async (request: EmulatorRequest) => {
    const caller = await context.caller(request);
    if (caller.kind !== 'user') throw notAuthorized();
    const row = caller.row;
    checkIfMatch(request, row, 'user', 409, 'update');
    const body = parseBody(request, identityUpdate);
    if (!caller.readOnly && body.current_password !== state.passwords.get(row.id)) {
      throw dciError(400, 'current_password invalid');
    }
    if (body.new_password !== undefined) state.passwords.set(row.id, body.new_password);
    if (body.fullname !== undefined) row.fullname = body.fullname;
    if (body.email !== undefined) row.email = body.email;
    if (body.timezone !== undefined) row.timezone = body.timezone;
    state.touch(row);
    return { status: 200, headers: { etag: row.etag }, body: { user: withoutPassword(row) } };
  };
  router.put('/api/v1/identity', updateMe);
  router.put('/api/v1/users/me', updateMe);
  router.get('/api/v1/users/me', async (request) => {
    const caller = await context.caller(request);
    if (caller.kind !== 'user') throw dciError(401, 'Operation not authorized.');
    const { password: _password, ...user } = caller.row;
    return { status: 200, headers: { etag: caller.row.etag }, body: { user } };
  });
}
