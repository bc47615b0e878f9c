import type { EmulatorRequest, Router } from '@nimbus-sdk/core/testing';
import { z } from 'zod';
import { dciError, notAuthorized } from '../errors.js';
import { newEtag } from '../state.js';
import { parseBody, type RouteContext } from './resource-routes.js';

/**
 * The super admin's feed of jobs entering a final status: read from a sequence number, drop what was
 * consumed, and keep the consumer's position under an etag (a stale one answers 409).
 */
export function registerJobsEvents(router: Router, context: RouteContext): void {
  const { state } = context;
  const superAdmin = async (request: EmulatorRequest) => {
    const caller = await context.caller(request);
    if (!caller.superAdmin) throw notAuthorized();
  };

  router.get('/api/v1/jobs_events/sequence', async (request) => {
    await superAdmin(request);
    const { sequence, etag } = state.jobsEventsSequence;
    return { status: 200, headers: { etag }, body: { sequence: { sequence, etag } } };
  });
  router.put('/api/v1/jobs_events/sequence', async (request) => {
    await superAdmin(request);
    const ifMatch = request.headers['if-match'];
    if (ifMatch === undefined) throw dciError(412, "'If-match' header must be provided");
    if (ifMatch !== state.jobsEventsSequence.etag) {
      throw dciError(409, 'conflict on jobs_events "sequence" or etag not matched');
    }
    const { sequence } = parseBody(request, z.object({ sequence: z.number().int().min(0) }).strict());
    state.jobsEventsSequence = { sequence, etag: newEtag() };
    return { status: 204 };
  });
  router.get('/api/v1/jobs_events/:sequence', async (request) => {
    await superAdmin(request);
    const from = Number(request.params.sequence);
    const events = state.jobsEvents.filter((event) => event.id >= from);
    return { status: 200, body: { jobs_events: events, _meta: { count: events.length } } };
  });
  router.delete('/api/v1/jobs_events/:sequence', async (request) => {
    await superAdmin(request);
    const upTo = Number(request.params.sequence);
    const kept = state.jobsEvents.filter((event) => event.id > upTo);
    state.jobsEvents.splice(0, state.jobsEvents.length, ...kept);
    return { status: 204 };
  });
}
