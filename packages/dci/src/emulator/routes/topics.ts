import type { Router } from '@nimbus-sdk/core/testing';
import { z } from 'zod';
import type { Caller } from '../caller.js';
import { seesAll } from '../caller.js';
import { dciError, notAuthorized } from '../errors.js';
import type { DciState, Row } from '../state.js';
import { COMPONENT_COLUMNS, componentVisible } from './components.js';
import { object, rowState, strings, uuid } from './fields.js';
import { listAnswer, type RouteContext, registerResource, visibleRow } from './resource-routes.js';

const createSchema = z
  .object({
    name: z.string().min(1),
    product_id: uuid,
    component_types: strings.optional(),
    component_types_optional: strings.optional(),
    next_topic_id: uuid.nullable().optional(),
    export_control: z.boolean().optional(),
    state: rowState.optional(),
    data: object.optional(),
  })
  .strict();

/** Topics of visible products, export-controlled ones only unless a team has pre-release access. */
export function topicVisible(state: DciState, caller: Caller, row: Row): boolean {
  if (seesAll(caller)) return true;
  const productTeams = state.productTeams.get(String(row.product_id)) ?? new Set<string>();
  if (![...productTeams].some((team) => caller.teamIds.has(team))) return false;
  if (row.export_control === true) return true;
  return [...caller.teamIds].some((team) => state.find('teams', team)?.has_pre_release_access === true);
}

const lower = (types: unknown) => (Array.isArray(types) ? types.map((t) => String(t).toLowerCase()) : types);

/** `/topics` and `/topics/<id>/components`. */
export function registerTopics(router: Router, context: RouteContext): void {
  const { state } = context;
  const spec = {
    table: 'topics',
    singular: 'topic',
    plural: 'topics',
    columns: [
      'id',
      'name',
      'product_id',
      'next_topic_id',
      'export_control',
      'state',
      'created_at',
      'updated_at',
      'etag',
      'component_types',
    ],
    createSchema,
    updateSchema: createSchema.partial().strict(),
    staleUpdate: 404,
    staleDelete: 404,
    etagHeader: true,
    uniqueName: true,
    visible: (caller, row) => topicVisible(state, caller, row),
    authorizeCreate: (caller, body) => {
      if (!caller.superAdmin && !caller.epm && caller.kind !== 'feeder') throw notAuthorized();
      if (!state.find('products', String(body.product_id))) throw dciError(404, 'product not found');
      body.component_types = lower(body.component_types ?? []);
    },
    canWrite: (caller) => caller.superAdmin || caller.epm || caller.kind === 'feeder',
    defaults: () => ({ component_types_optional: [], next_topic_id: null, export_control: false, data: {} }),
    afterUpdate: (row) => {
      row.component_types = lower(row.component_types);
    },
    afterDelete: (row) => {
      for (const component of state.rows('components')) {
        if (component.topic_id === row.id) component.state = 'archived';
      }
    },
  } satisfies Parameters<typeof registerResource>[2];
  registerResource(router, context, spec);

  router.get('/api/v1/topics/:id/components', async (request) => {
    const caller = await context.caller(request);
    const topic = visibleRow(context, spec, caller, request.params.id ?? '');
    const rows = state
      .rows('components')
      .filter((component) => component.topic_id === topic.id && componentVisible(state, caller, component));
    return listAnswer(request, rows, {
      plural: 'components',
      columns: COMPONENT_COLUMNS,
      defaultSort: '-released_at',
    });
  });
}
