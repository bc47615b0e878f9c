import type { Router } from '@nimbus-sdk/core/testing';
import { z } from 'zod';
import type { Caller } from '../caller.js';
import { writesTeam } from '../caller.js';
import { dciError, notAuthorized, notFound } from '../errors.js';
import type { DciState, Row } from '../state.js';
import { object, rowState, strings, uuid } from './fields.js';
import { checkIfMatch, type RouteContext, registerResource, visibleRow } from './resource-routes.js';
import { topicVisible } from './topics.js';

export const COMPONENT_COLUMNS = [
  'id',
  'name',
  'display_name',
  'version',
  'uid',
  'type',
  'canonical_project_name',
  'title',
  'message',
  'url',
  'tags',
  'topic_id',
  'team_id',
  'state',
  'released_at',
  'created_at',
  'updated_at',
  'etag',
] as const;

const fields = {
  name: z.string().min(1).optional(),
  display_name: z.string().min(1).optional(),
  type: z.string().min(1),
  topic_id: uuid,
  version: z.string().optional(),
  uid: z.string().optional(),
  url: z.string().optional(),
  title: z.string().optional(),
  message: z.string().optional(),
  canonical_project_name: z.string().optional(),
  team_id: uuid.nullable().optional(),
  state: rowState.optional(),
  data: object.optional(),
  tags: strings.optional(),
  released_at: z.string().optional(),
};
const createSchema = z
  .object(fields)
  .strict()
  .refine((c) => c.name !== undefined || c.display_name !== undefined, {
    message: "'name' or 'display_name' is required",
  });

/** Components of visible topics that are product-wide or belong to one of the caller's teams. */
export function componentVisible(state: DciState, caller: Caller, row: Row): boolean {
  const topic = state.find('topics', String(row.topic_id));
  if (!topic || !topicVisible(state, caller, topic)) return false;
  return (
    row.team_id === null || row.team_id === undefined || writesTeam(caller, row.team_id) || caller.readOnly
  );
}

/** `/components` and their files. */
export function registerComponents(router: Router, context: RouteContext): void {
  const { state } = context;
  const spec = {
    table: 'components',
    singular: 'component',
    plural: 'components',
    columns: COMPONENT_COLUMNS,
    defaultSort: '-released_at',
    createSchema,
    updateSchema: z.object(fields).partial().strict(),
    staleUpdate: 404,
    staleDelete: 404,
    etagHeader: true,
    visible: (caller, row) => componentVisible(state, caller, row),
    authorizeCreate: (caller, body) => {
      const topic = state.find('topics', String(body.topic_id));
      if (!topic || !topicVisible(state, caller, topic)) throw dciError(404, 'topic not found');
      if (body.team_id == null) {
        if (!caller.superAdmin && !caller.epm && caller.kind !== 'feeder') throw notAuthorized();
      } else if (!writesTeam(caller, body.team_id)) throw notAuthorized();
      body.type = String(body.type).toLowerCase();
      body.name ??= body.display_name;
      body.display_name ??= body.name;
      const duplicate = state
        .rows('components')
        .some(
          (c) =>
            c.display_name === body.display_name &&
            c.topic_id === body.topic_id &&
            c.type === body.type &&
            (c.version ?? '') === (body.version ?? '') &&
            (c.team_id ?? null) === (body.team_id ?? null),
        );
      if (duplicate)
        throw dciError(409, 'We are unable to create this resource. A similar resource already exists.');
    },
    canWrite: (caller, row) =>
      row.team_id == null
        ? caller.superAdmin || caller.epm || caller.kind === 'feeder'
        : writesTeam(caller, row.team_id),
    defaults: (_caller, _body) => ({
      version: '',
      uid: '',
      canonical_project_name: null,
      title: null,
      message: null,
      url: null,
      team_id: null,
      data: {},
      tags: [],
      released_at: new Date(state.clock()).toISOString().slice(0, -1),
    }),
  } satisfies Parameters<typeof registerResource>[2];
  registerResource(router, context, spec);

  const componentFile = (component: Row, fileId: string): Row => {
    const file = state.find('component_files', fileId);
    if (!file || file.component_id !== component.id) throw notFound('component_file');
    return file;
  };

  router.get('/api/v1/components/:id/files', async (request) => {
    const caller = await context.caller(request);
    const component = visibleRow(context, spec, caller, request.params.id ?? '');
    const files = state.rows('component_files').filter((file) => file.component_id === component.id);
    return { status: 200, body: { component_files: files, _meta: { count: files.length } } };
  });
  router.post('/api/v1/components/:id/files', async (request) => {
    const caller = await context.caller(request);
    const component = visibleRow(context, spec, caller, request.params.id ?? '');
    if (!spec.canWrite(caller, component)) throw notAuthorized();
    const mime = String(request.headers['content-type'] ?? 'application/octet-stream');
    const file = state.insert('component_files', {
      component_id: component.id,
      mime,
      md5: null,
      size: request.body.length,
    });
    file.name = file.id;
    state.contents.set(file.id, Buffer.from(request.body));
    return { status: 201, body: { component_file: file } };
  });
  router.get('/api/v1/components/:id/files/:file', async (request) => {
    const caller = await context.caller(request);
    const component = visibleRow(context, spec, caller, request.params.id ?? '');
    return { status: 200, body: { component_file: componentFile(component, request.params.file ?? '') } };
  });
  router.get('/api/v1/components/:id/files/:file/content', async (request) => {
    const caller = await context.caller(request);
    const component = visibleRow(context, spec, caller, request.params.id ?? '');
    const file = componentFile(component, request.params.file ?? '');
    return {
      status: 200,
      headers: {
        'content-type': String(file.mime),
        'content-disposition': `attachment; filename=${file.id}`,
      },
      body: state.contents.get(file.id) ?? Buffer.alloc(0),
    };
  });
  router.delete('/api/v1/components/:id/files/:file', async (request) => {
    const caller = await context.caller(request);
    const component = visibleRow(context, spec, caller, request.params.id ?? '');
    const file = componentFile(component, request.params.file ?? '');
    checkIfMatch(request, file, 'component_file', 404, 'delete');
    if (!spec.canWrite(caller, component)) throw notAuthorized();
    file.state = 'archived';
    state.contents.delete(file.id);
    return { status: 204 };
  });
}
