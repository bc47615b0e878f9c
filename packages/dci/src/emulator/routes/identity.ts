import type { Router } from '@nimbus-sdk/core/testing';
import { dciError } from '../dci-error.js';
import type { RouteContext } from '../resource-routes.js';

/** `GET /api/v1/` (health, no auth) and `GET /api/v1/identity`. */
export function registerIdentity(router: Router, context: RouteContext): void {
  const { store } = context;
  router.get('/api/v1', () => ({ status: 200, body: { _status: 'OK', message: 'Distributed CI.' } }));
  router.get('/api/v1/identity', async (request) => {
    const caller = await context.caller(request);
    const teams: Record<string, unknown> = {};
    for (const teamId of caller.teamIds) {
      const team = store.find('teams', teamId);
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
  router.get('/api/v1/users/me', async (request) => {
    const caller = await context.caller(request);
    if (caller.kind !== 'user') throw dciError(401, 'Operation not authorized.');
    const { password: _password, ...user } = caller.row;
    return { status: 200, headers: { etag: caller.row.etag }, body: { user } };
  });
}
