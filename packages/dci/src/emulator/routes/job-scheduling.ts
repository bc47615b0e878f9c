import type { EmulatorRequest, Router } from '@nimbus-sdk/core/testing';
import { z } from 'zod';
import type { Caller } from '../caller.js';
import { dciError, notFound } from '../errors.js';
import type { Row } from '../state.js';
import { object, strings, uuid } from './fields.js';
import { parseBody, type RouteContext } from './resource-routes.js';

/** Creates a job the way `POST /jobs` does (remoteci only, same checks and defaults). */
export type CreateJob = (caller: Caller, request: EmulatorRequest, body: Record<string, unknown>) => Row;

const scheduleSchema = z
  .object({
    topic_id: uuid,
    components_ids: z.array(uuid).optional(),
    name: z.string().optional(),
    comment: z.string().optional(),
    configuration: z.string().optional(),
    url: z.string().optional(),
    tags: strings.optional(),
    data: object.optional(),
    pipeline_id: uuid.nullable().optional(),
    previous_job_id: uuid.nullable().optional(),
  })
  .strict();

/**
 * `POST /jobs/schedule`, `POST /jobs/<id>/update` and `POST /jobs/upgrade`: jobs whose components
 * the server picks, the latest active one of each of the topic's component types.
 */
export function registerJobScheduling(
  router: Router,
  context: RouteContext,
  createJob: CreateJob,
  jobAnswer: (row: Row) => Record<string, unknown>,
): void {
  const { state } = context;

  const latestComponents = (caller: Caller, topic: Row): string[] =>
    ((topic.component_types as string[] | undefined) ?? []).map((type) => {
      const newest = state
        .rows('components')
        .filter(
          (c) =>
            c.topic_id === topic.id &&
            c.type === type &&
            c.state === 'active' &&
            (c.team_id === null || c.team_id === undefined || caller.teamIds.has(String(c.team_id))),
        )
        .sort((a, b) => String(b.released_at).localeCompare(String(a.released_at)))[0];
      if (!newest) throw dciError(412, `No component of type ${type} in topic ${String(topic.name)}`);
      return newest.id;
    });

  const topicOf = (id: unknown): Row => {
    const topic = state.find('topics', String(id));
    if (!topic) throw notFound('topic');
    return topic;
  };
  const remoteciOnly = (caller: Caller) => {
    if (caller.kind !== 'remoteci') throw dciError(400, 'Only remoteci can create job');
  };
  const created = (row: Row) => ({ status: 201, headers: { etag: row.etag }, body: { job: jobAnswer(row) } });

  router.post('/api/v1/jobs/schedule', async (request) => {
    const caller = await context.caller(request);
    const { components_ids, ...fields } = parseBody(request, scheduleSchema);
    remoteciOnly(caller);
    const components = components_ids ?? latestComponents(caller, topicOf(fields.topic_id));
    return created(createJob(caller, request, { ...fields, components }));
  });

  router.post('/api/v1/jobs/:id/update', async (request) => {
    const caller = await context.caller(request);
    remoteciOnly(caller);
    const previous = state.find('jobs', request.params.id ?? '');
    if (!previous || !caller.teamIds.has(String(previous.team_id))) throw notFound('job');
    const topic = topicOf(previous.topic_id);
    return created(
      createJob(caller, request, {
        topic_id: topic.id,
        components: latestComponents(caller, topic),
        update_previous_job_id: previous.id,
      }),
    );
  });

  router.post('/api/v1/jobs/upgrade', async (request) => {
    const caller = await context.caller(request);
    const { job_id } = parseBody(request, z.object({ job_id: uuid }).strict());
    remoteciOnly(caller);
    const previous = state.find('jobs', job_id);
    if (!previous || !caller.teamIds.has(String(previous.team_id))) throw notFound('job');
    const topic = topicOf(previous.topic_id);
    if (!topic.next_topic_id)
      throw dciError(400, `topic ${String(topic.name)} has no next topic to upgrade to`);
    const next = topicOf(topic.next_topic_id);
    return created(
      createJob(caller, request, {
        topic_id: next.id,
        components: latestComponents(caller, next),
        previous_job_id: previous.id,
      }),
    );
  });
}
