import type { Router } from '@nimbus-sdk/core/testing';
import { z } from 'zod';
import type { Caller } from '../caller.js';
import { seesAll, writesTeam } from '../caller.js';
import { dciError, notAuthorized } from '../dci-error.js';
import { type AnswerKind, type RouteContext, registerResource, visibleRow } from '../resource-routes.js';
import { newApiSecret, type Row } from '../store.js';
import { object, state, uuid } from './fields.js';

const remoteciCreate = z
  .object({
    name: z.string().min(1),
    team_id: uuid,
    data: object.optional(),
    public: z.boolean().optional(),
    state: state.optional(),
  })
  .strict();
const feederCreate = remoteciCreate.omit({ public: true }).strict();

function withoutSecret(row: Row): Record<string, unknown> {
  const { api_secret: _secret, ...rest } = row;
  return rest;
}

/** `/remotecis` and `/feeders`: agents with an API secret, which update answers hide. */
export function registerAgents(router: Router, context: RouteContext): void {
  const { store } = context;
  for (const [table, singular, schema] of [
    ['remotecis', 'remoteci', remoteciCreate],
    ['feeders', 'feeder', feederCreate],
  ] as const) {
    const spec = {
      table,
      singular,
      plural: table,
      columns: ['id', 'name', 'team_id', 'state', 'public', 'created_at', 'updated_at', 'etag'],
      createSchema: schema,
      updateSchema: schema.partial().strict(),
      staleUpdate: 404,
      staleDelete: 404,
      etagHeader: true,
      visible: (caller: Caller, row: Row) => seesAll(caller) || caller.teamIds.has(String(row.team_id)),
      authorizeCreate: (caller: Caller, body: Record<string, unknown>) => {
        if (caller.kind !== 'user' || !writesTeam(caller, body.team_id)) throw notAuthorized();
        if (!store.find('teams', String(body.team_id))) throw dciError(404, 'team not found');
      },
      canWrite: (caller: Caller, row: Row) => caller.kind === 'user' && writesTeam(caller, row.team_id),
      defaults: () => ({ data: {}, public: false, api_secret: newApiSecret() }),
      view: (row: Row, answer: AnswerKind) => (answer === 'update' ? withoutSecret(row) : row),
      afterDelete: (row: Row) => {
        if (table !== 'remotecis') return;
        for (const job of store.rows('jobs')) if (job.remoteci_id === row.id) job.state = 'archived';
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
      store.touch(row);
      return { status: 200, headers: { etag: row.etag }, body: { [singular]: row } };
    });
  }
}
