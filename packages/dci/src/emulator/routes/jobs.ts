import type { EmulatorRequest, Router } from '@nimbus-sdk/core/testing';
import { z } from 'zod';
import type { Caller } from '../caller.js';
import { seesAll, writesTeam } from '../caller.js';
import { dciError, notAuthorized, notFound } from '../errors.js';
import { JOB_STATUSES, recordJobstate } from '../job-status.js';
import type { Row } from '../state.js';
import { registerAnalytics } from './analytics.js';
import { object, rowState, strings, uuid } from './fields.js';
import { registerJobScheduling } from './job-scheduling.js';
import {
  type AnswerKind,
  listAnswer,
  parseBody,
  type RouteContext,
  registerResource,
  visibleRow,
} from './resource-routes.js';

export const JOB_COLUMNS = [
  'id',
  'name',
  'comment',
  'status',
  'status_reason',
  'configuration',
  'url',
  'duration',
  'tags',
  'state',
  'topic_id',
  'remoteci_id',
  'team_id',
  'product_id',
  'pipeline_id',
  'previous_job_id',
  'update_previous_job_id',
  'user_agent',
  'client_version',
  'created_at',
  'updated_at',
  'etag',
] as const;

const createSchema = z
  .object({
    components: z.array(uuid),
    topic_id: uuid,
    name: z.string().optional(),
    comment: z.string().optional(),
    configuration: z.string().optional(),
    url: z.string().optional(),
    tags: strings.optional(),
    data: object.optional(),
    status_reason: z.string().optional(),
    previous_job_id: uuid.nullable().optional(),
    update_previous_job_id: uuid.nullable().optional(),
    pipeline_id: uuid.nullable().optional(),
    state: rowState.optional(),
  })
  .strict();
const updateSchema = z
  .object({
    comment: z.string(),
    status: z.enum(JOB_STATUSES),
    state: rowState,
    tags: strings,
    status_reason: z.string(),
    configuration: z.string(),
    name: z.string(),
    url: z.string(),
  })
  .partial()
  .strict();

function header(request: EmulatorRequest, name: string): string | null {
  const value = request.headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

/** `/jobs`, `/jobstates` and the job sub-resources. */
export function registerJobs(router: Router, context: RouteContext): void {
  const { state } = context;
  const visible = (caller: Caller, row: Row) => seesAll(caller) || caller.teamIds.has(String(row.team_id));
  const spec = {
    table: 'jobs',
    singular: 'job',
    plural: 'jobs',
    columns: JOB_COLUMNS,
    createSchema,
    updateSchema,
    staleUpdate: 404,
    staleDelete: 404,
    etagHeader: true,
    visible,
    authorizeCreate: (caller, body) => {
      if (caller.kind !== 'remoteci') throw dciError(400, 'Only remoteci can create job');
      if (caller.row.state !== 'active') throw dciError(412, 'remoteci is disabled');
      const topic = state.find('topics', String(body.topic_id));
      if (!topic) throw dciError(404, 'topic not found');
      if (topic.state !== 'active') throw dciError(412, 'topic is not active');
      for (const id of body.components as string[]) {
        if (!state.find('components', id)) throw dciError(404, 'component not found');
      }
    },
    canWrite: (caller, row) => writesTeam(caller, row.team_id),
    defaults: (caller, body, request) => {
      const topic = state.find('topics', String(body.topic_id));
      return {
        name: '',
        comment: '',
        status: 'new',
        status_reason: '',
        configuration: '',
        url: '',
        duration: 0,
        tags: [],
        data: {},
        remoteci_id: caller.id,
        team_id: caller.row.team_id,
        product_id: topic?.product_id ?? null,
        pipeline_id: null,
        previous_job_id: null,
        update_previous_job_id: null,
        user_agent: header(request, 'user-agent'),
        client_version: header(request, 'client-version'),
      };
    },
    afterCreate: (row: Row) => {
      state.jobComponents.set(row.id, row.components as string[]);
      delete row.components;
    },
    afterUpdate: (row: Row, before: Record<string, unknown>) => {
      if (row.status === before.status) return;
      const status = String(row.status);
      row.status = before.status;
      recordJobstate(state, row, status, null);
    },
    view: (row: Row, answer: AnswerKind) => {
      if (answer === 'create' || answer === 'update') return row;
      if (answer === 'list') {
        const { data: _data, ...rest } = row;
        return { ...rest, ...relations(row) };
      }
      return {
        ...row,
        ...relations(row),
        jobstates: jobstatesOf(row.id),
        // Files attached to a jobstate are listed with that jobstate, not with the job.
        files: state.rows('files').filter((f) => f.job_id === row.id && f.jobstate_id === null),
      };
    },
  } satisfies Parameters<typeof registerResource>[2];
  registerResource(router, context, spec);
  registerJobScheduling(
    router,
    context,
    (caller, request, body) => {
      spec.authorizeCreate(caller, body);
      const row = state.insert('jobs', { ...spec.defaults(caller, body, request), ...body });
      spec.afterCreate(row);
      return row;
    },
    (row) => ({ ...row, components: relations(row).components }),
  );
  registerAnalytics(router, context, visible, (row) => ({ ...row, ...relations(row) }));

  /** What the server embeds in every job answer, list or not, whatever `embed` says. */
  function relations(row: Row): Record<string, unknown> {
    return {
      components: (state.jobComponents.get(row.id) ?? [])
        .map((id) => state.tables.components.get(id))
        .filter(Boolean),
      topic: state.tables.topics.get(String(row.topic_id)) ?? null,
      remoteci: withoutSecret(state.tables.remotecis.get(String(row.remoteci_id))),
      team: state.tables.teams.get(String(row.team_id)) ?? null,
      pipeline: row.pipeline_id ? (state.tables.pipelines.get(String(row.pipeline_id)) ?? null) : null,
      results: results(row.id),
      keys_values: [...(state.jobKeyValues.get(row.id) ?? new Map())].map(([key, value]) => ({
        key,
        value,
      })),
    };
  }

  /** A job's jobstates, oldest first, each with the files attached to it. */
  function jobstatesOf(jobId: string): Record<string, unknown>[] {
    return state
      .rows('jobstates')
      .filter((s) => s.job_id === jobId)
      .map((s) => ({ ...s, files: state.rows('files').filter((f) => f.jobstate_id === s.id) }));
  }

  function withoutSecret(row: Row | undefined): Record<string, unknown> | null {
    if (!row) return null;
    const { api_secret: _secret, ...rest } = row;
    return rest;
  }

  function results(jobId: string): Record<string, unknown>[] {
    return state
      .rows('files')
      .filter((file) => file.job_id === jobId && state.junit.has(file.id))
      .map((file) => ({ ...state.junit.get(file.id)?.summary, filename: file.name, file_id: file.id }));
  }

  const job = async (request: EmulatorRequest) => {
    const caller = await context.caller(request);
    return { caller, job: visibleRow(context, spec, caller, request.params.id ?? '') };
  };

  router.get('/api/v1/jobs/:id/jobstates', async (request) => {
    const { job: row } = await job(request);
    const rows = state.rows('jobstates').filter((s) => s.job_id === row.id);
    return listAnswer(request, rows, {
      plural: 'jobstates',
      columns: ['id', 'status', 'comment', 'job_id', 'created_at'],
      defaultSort: 'created_at',
      view: (jobstate) => ({
        ...jobstate,
        files: state.rows('files').filter((f) => f.jobstate_id === jobstate.id),
      }),
    });
  });
  router.get('/api/v1/jobs/:id/files', async (request) => {
    const { job: row } = await job(request);
    const rows = state.rows('files').filter((f) => f.job_id === row.id);
    return listAnswer(request, rows, {
      plural: 'files',
      columns: ['id', 'name', 'mime', 'size', 'job_id', 'jobstate_id', 'state', 'created_at', 'updated_at'],
    });
  });
  router.get('/api/v1/jobs/:id/results', async (request) => {
    const { job: row } = await job(request);
    return { status: 200, body: { results: results(row.id) } };
  });
  router.get('/api/v1/jobs/:id/components', async (request) => {
    const { job: row } = await job(request);
    const components = (state.jobComponents.get(row.id) ?? [])
      .map((id) => state.tables.components.get(id))
      .filter(Boolean);
    return { status: 200, body: { components, _meta: { count: components.length } } };
  });

  // Components attached after creation; the server answers both with an empty 201 (sic).
  router.post('/api/v1/jobs/:id/components', async (request) => {
    const { caller, job: row } = await job(request);
    if (!writesTeam(caller, row.team_id)) throw notAuthorized();
    const { id } = parseBody(request, z.object({ id: uuid }).strict());
    if (!state.find('components', id)) throw notFound('component');
    const components = state.jobComponents.get(row.id) ?? [];
    if (!components.includes(id)) components.push(id);
    state.jobComponents.set(row.id, components);
    state.touch(row);
    return { status: 201 };
  });
  router.delete('/api/v1/jobs/:id/components/:component', async (request) => {
    const { caller, job: row } = await job(request);
    if (!writesTeam(caller, row.team_id)) throw notAuthorized();
    const component = request.params.component ?? '';
    state.jobComponents.set(
      row.id,
      (state.jobComponents.get(row.id) ?? []).filter((id) => id !== component),
    );
    state.touch(row);
    return { status: 201 };
  });

  // Metrics on a job (dcictl job-add-key-value); each change bumps the job's etag.
  router.post('/api/v1/jobs/:id/kv', async (request) => {
    const { caller, job: row } = await job(request);
    if (!writesTeam(caller, row.team_id)) throw notAuthorized();
    const { key, value } = parseBody(
      request,
      z.object({ key: z.string().min(1), value: z.number() }).strict(),
    );
    const values = state.jobKeyValues.get(row.id) ?? new Map<string, number>();
    values.set(key, value);
    state.jobKeyValues.set(row.id, values);
    state.touch(row);
    return { status: 201, body: { kv: { job_id: row.id, key, value } } };
  });
  router.delete('/api/v1/jobs/:id/kv', async (request) => {
    const { caller, job: row } = await job(request);
    if (!writesTeam(caller, row.team_id)) throw notAuthorized();
    const { key } = parseBody(request, z.object({ key: z.string().min(1) }).strict());
    state.jobKeyValues.get(row.id)?.delete(key);
    state.touch(row);
    return { status: 204 };
  });

  router.post('/api/v1/jobstates', async (request) => {
    const caller = await context.caller(request);
    const body = parseBody(
      request,
      z.object({ job_id: uuid, status: z.string(), comment: z.string().nullable().optional() }).strict(),
    );
    const target = state.find('jobs', body.job_id);
    if (!target || !visible(caller, target)) throw notFound('job');
    if (!writesTeam(caller, target.team_id)) throw notAuthorized();
    const jobstate = recordJobstate(state, target, body.status, body.comment ?? null);
    return { status: 201, body: { jobstate } };
  });
  const jobstate = async (request: EmulatorRequest) => {
    const caller = await context.caller(request);
    const row = state.find('jobstates', request.params.id ?? '');
    const owner = row && state.find('jobs', String(row.job_id));
    if (!row || !owner || !visible(caller, owner)) throw notFound('jobstate');
    return { caller, row, owner };
  };
  router.get('/api/v1/jobstates/:id', async (request) => {
    const { row } = await jobstate(request);
    return {
      status: 200,
      body: { jobstate: { ...row, files: state.rows('files').filter((f) => f.jobstate_id === row.id) } },
    };
  });
  router.delete('/api/v1/jobstates/:id', async (request) => {
    const { caller, row, owner } = await jobstate(request);
    if (!writesTeam(caller, owner.team_id)) throw notAuthorized();
    row.state = 'archived';
    return { status: 204 };
  });
}
