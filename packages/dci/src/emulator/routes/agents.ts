import type { EmulatorRequest, Router } from '@nimbus-sdk/core/testing';
import type { Caller } from '../caller.js';
import { seesAll, writesTeam } from '../caller.js';
import { dciError, notAuthorized, notFound } from '../errors.js';
import { newApiSecret, type Row } from '../state.js';
import { agentSchemas } from './agent-schemas.js';
import { type AnswerKind, type RouteContext, registerResource, visibleRow } from './resource-routes.js';
import { withoutPassword } from './users.js';

function withoutSecret(row: Row): Record<string, unknown> {
  const { api_secret: _secret, ...rest } = row;
  return rest;
}

/**
 * `/remotecis` and `/feeders`: agents with an API secret. Newer servers hand the secret out only
 * when it is made (create, and `PUT …/api_secret`); every other answer leaves it out.
 */
export function registerAgents(router: Router, context: RouteContext): void {
  const { state } = context;
  const usersOf = (remoteciId: string) =>
    [...(state.remoteciUsers.get(remoteciId) ?? [])]
      .map((id) => state.find('users', id))
      .filter((user): user is Row => user !== undefined)
      .map(withoutPassword);

  for (const table of ['remotecis', 'feeders'] as const) {
    const singular = table === 'remotecis' ? 'remoteci' : 'feeder';
    const { create, update } = agentSchemas(table);
    const spec = {
      table,
      singular,
      plural: table,
      columns: ['id', 'name', 'team_id', 'state', 'public', 'created_at', 'updated_at', 'etag'],
      createSchema: create,
      updateSchema: update,
      staleUpdate: 404,
      staleDelete: 404,
      etagHeader: true,
      visible: (caller: Caller, row: Row) => seesAll(caller) || caller.teamIds.has(String(row.team_id)),
      authorizeCreate: (caller: Caller, body: Record<string, unknown>) => {
        if (caller.kind !== 'user' || !writesTeam(caller, body.team_id)) throw notAuthorized();
        if (!state.find('teams', String(body.team_id))) throw dciError(404, 'team not found');
      },
      canWrite: (caller: Caller, row: Row) => caller.kind === 'user' && writesTeam(caller, row.team_id),
      defaults: () => ({ data: {}, public: false, api_secret: newApiSecret() }),
      view: (row: Row, answer: AnswerKind) => {
        if (answer === 'create') return row;
        const view = withoutSecret(row);
        if (answer === 'update') return view;
        const team = state.tables.teams.get(String(row.team_id)) ?? null;
        return table === 'remotecis' ? { ...view, team, users: usersOf(row.id) } : { ...view, team };
      },
      afterDelete: (row: Row) => {
        if (table !== 'remotecis') return;
        for (const job of state.rows('jobs')) if (job.remoteci_id === row.id) job.state = 'archived';
      },
    } satisfies Parameters<typeof registerResource>[2];
    registerResource(router, context, spec);

    router.put(`/api/v1/${table}/:id/api_secret`, async (request) => {
      const caller = await context.caller(request);
      const row = visibleRow(context, spec, caller, request.params.id ?? '');
      if (request.headers['if-match'] === undefined)
        throw dciError(412, "'If-match' header must be provided");
      if (!spec.canWrite(caller, row)) throw notAuthorized();
      row.api_secret = newApiSecret();
      state.touch(row);
      return { status: 200, headers: { etag: row.etag }, body: { [singular]: row } };
    });
  }

  const remoteci = async (request: EmulatorRequest) => {
    const caller = await context.caller(request);
    const row = state.find('remotecis', request.params.id ?? '');
    if (!row || !(seesAll(caller) || caller.teamIds.has(String(row.team_id)))) throw notFound('remoteci');
    return { caller, row };
  };

  // dcictl remoteci-get-data: the raw data object, or only the listed keys of it.
  router.get('/api/v1/remotecis/:id/data', async (request) => {
    const { row } = await remoteci(request);
    const data = (row.data ?? {}) as Record<string, unknown>;
    const keys = request.query.get('keys');
    if (!keys) return { status: 200, body: data };
    const wanted = keys.split(',').filter((key) => Object.hasOwn(data, key));
    return { status: 200, body: Object.fromEntries(wanted.map((key) => [key, data[key]])) };
  });
  router.get('/api/v1/remotecis/:id/users', async (request) => {
    const { row } = await remoteci(request);
    const users = usersOf(row.id);
    return { status: 200, body: { users, _meta: { count: users.length } } };
  });
  // The calling user attaches itself; the body is ignored, as upstream.
  router.post('/api/v1/remotecis/:id/users', async (request) => {
    const { caller, row } = await remoteci(request);
    if (caller.kind !== 'user') throw notAuthorized();
    const users = state.remoteciUsers.get(row.id) ?? new Set<string>();
    users.add(caller.id);
    state.remoteciUsers.set(row.id, users);
    return { status: 201, body: { user_id: caller.id, remoteci_id: row.id } };
  });
  router.delete('/api/v1/remotecis/:id/users/:user', async (request) => {
    const { caller, row } = await remoteci(request);
    const userId = request.params.user ?? '';
    if (caller.kind !== 'user' || (userId !== caller.id && !writesTeam(caller, row.team_id))) {
      throw notAuthorized();
    }
    state.remoteciUsers.get(row.id)?.delete(userId);
    return { status: 204 };
  });
}
