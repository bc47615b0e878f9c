import type { Router } from '@nimbus-sdk/core/testing';
import { z } from 'zod';
import type { Caller } from '../caller.js';
import { seesAll } from '../caller.js';
import { dciError, notAuthorized } from '../errors.js';
import type { DciStore, Row } from '../state.js';
import { COMPONENT_COLUMNS, componentVisible } from './components.js';
import { object, state, strings, uuid } from './fields.js';
import { listAnswer, type RouteContext, registerResource, visibleRow } from './resource-routes.js';

const createSchema = z
  .object({
    name: z.string().min(1),
    product_id: uuid,
    component_types: strings.optional(),
    component_types_optional: strings.optional(),
    next_topic_id: uuid.nullable().optional(),
    export_control: z.boolean().optional(),
    state: state.optional(),
    data: object.optional(),
  })
  .strict();

/** Topics of visible products, export-controlled ones only unless a team has pre-release access. */
export function topicVisible(store: DciStore, caller: Caller, row: Row): boolean {
  if (seesAll(caller)) return true;
  const productTeams = store.productTeams.get(String(row.product_id)) ?? new Set<string>();
  if (![...productTeams].some((team) => caller.teamIds.has(team))) return false;
  if (row.export_control === true) return true;
  return [...caller.teamIds].some((team) => store.find('teams', team)?.has_pre_release_access === true);
}

const lower = (types: unknown) => (Array.isArray(types) ? types.map((t) => String(t).toLowerCase()) : types);

/** `/topics` and `/topics/<id>/components`. */
export function registerTopics(router: Router, context: RouteContext): void {
  const { store } = context;
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
    visible: (caller, row) => topicVisible(store, caller, row),
    authorizeCreate: (caller, body) => {
      if (!caller.superAdmin && !caller.epm && caller.kind !== 'feeder') throw notAuthorized();
      if (!store.find('products', String(body.product_id))) throw dciError(404, 'product not found');
      body.component_types = lower(body.component_types ?? []);
    },
    canWrite: (caller) => caller.superAdmin || caller.epm || caller.kind === 'feeder',
    defaults: () => ({ component_types_optional: [], next_topic_id: null, export_control: false, data: {} }),
    afterUpdate: (row) => {
      row.component_types = lower(row.component_types);
    },
    afterDelete: (row) => {
      for (const component of store.rows('components')) {
        if (component.topic_id === row.id) component.state = 'archived';
      }
    },
  } satisfies Parameters<typeof registerResource>[2];
  registerResource(router, context, spec);

  router.get('/api/v1/topics/:id/components', async (request) => {
    const caller = await context.caller(request);
    const topic = visibleRow(context, spec, caller, request.params.id ?? '');
    const rows = store
      .rows('components')
      .filter((component) => component.topic_id === topic.id && componentVisible(store, caller, component));
    return listAnswer(request, rows, {
      plural: 'components',
      columns: COMPONENT_COLUMNS,
      defaultSort: '-released_at',
    });
  });
}
