import type { Router } from '@nimbus-sdk/core/testing';
import { z } from 'zod';
import type { Caller } from '../caller.js';
import { seesAll, writesTeam } from '../caller.js';
import { notAuthorized } from '../errors.js';
import type { Row } from '../state.js';
import { rowState, uuid } from './fields.js';
import { JOB_COLUMNS } from './jobs.js';
import { listAnswer, type RouteContext, registerResource, visibleRow } from './resource-routes.js';

const createSchema = z
  .object({ name: z.string().min(1), team_id: uuid, state: rowState.optional() })
  .strict();

/** `/pipelines` and `/pipelines/<id>/jobs`. */
export function registerPipelines(router: Router, context: RouteContext): void {
  const visible = (caller: Caller, row: Row) => seesAll(caller) || caller.teamIds.has(String(row.team_id));
  const spec = {
    table: 'pipelines',
    singular: 'pipeline',
    plural: 'pipelines',
    columns: ['id', 'name', 'team_id', 'state', 'created_at', 'updated_at', 'etag'],
    createSchema,
    updateSchema: createSchema.partial().strict(),
    staleUpdate: 404,
    staleDelete: 404,
    etagHeader: false,
    visible,
    authorizeCreate: (caller: Caller, body: Record<string, unknown>) => {
      if (!writesTeam(caller, body.team_id)) throw notAuthorized();
    },
    canWrite: (caller: Caller, row: Row) => writesTeam(caller, row.team_id),
    defaults: () => ({}),
  } satisfies Parameters<typeof registerResource>[2];
  registerResource(router, context, spec);

  router.get('/api/v1/pipelines/:id/jobs', async (request) => {
    const caller = await context.caller(request);
    const pipeline = visibleRow(context, spec, caller, request.params.id ?? '');
    const jobs = context.state.rows('jobs').filter((job) => job.pipeline_id === pipeline.id);
    return listAnswer(request, jobs, { plural: 'jobs', columns: JOB_COLUMNS });
  });
}
