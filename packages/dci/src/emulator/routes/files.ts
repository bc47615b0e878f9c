import type { EmulatorRequest, Router } from '@nimbus-sdk/core/testing';
import { seesAll, writesTeam } from '../caller.js';
import { dciError, notAuthorized, notFound } from '../errors.js';
import { parseJunit } from '../junit.js';
import type { RouteContext } from './resource-routes.js';

/** Headers are matched loosely upstream (lower-case, `dci-` stripped, `-` → `_`). */
function dciHeader(request: EmulatorRequest, name: string): string | undefined {
  for (const [key, value] of Object.entries(request.headers)) {
    const loose = key.toLowerCase().replace(/^dci-/, '').replaceAll('-', '_');
    if (loose === name) return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}

/** `/files`: raw-body uploads with DCI-* headers, streamed downloads, archive on delete. */
export function registerFiles(router: Router, context: RouteContext): void {
  const { state } = context;

  router.post('/api/v1/files', async (request) => {
    const caller = await context.caller(request);
    const name = dciHeader(request, 'name');
    if (!name) throw dciError(400, 'HTTP header DCI-NAME must be specified');
    const jobstateId = dciHeader(request, 'jobstate_id');
    let jobId = dciHeader(request, 'job_id');
    if (jobstateId) {
      const jobstate = state.find('jobstates', jobstateId);
      if (!jobstate) throw dciError(404, 'jobstate not found');
      jobId = String(jobstate.job_id);
    }
    if (!jobId) throw dciError(400, 'HTTP header DCI-JOB-ID or DCI-JOBSTATE-ID must be specified');
    const job = state.find('jobs', jobId);
    if (!job || !(seesAll(caller) || caller.teamIds.has(String(job.team_id))))
      throw dciError(404, 'job not found');
    if (!writesTeam(caller, job.team_id)) throw notAuthorized();
    const mime = dciHeader(request, 'mime') ?? 'text/plain';
    const junit = mime === 'application/junit' ? parseJunit(request.body.toString('utf8'), name) : undefined;
    const file = state.insert('files', {
      name,
      mime,
      md5: null,
      size: request.body.length,
      job_id: job.id,
      jobstate_id: jobstateId ?? null,
      team_id: job.team_id,
    });
    state.contents.set(file.id, request.body);
    if (junit) state.junit.set(file.id, junit);
    state.touch(job);
    return { status: 201, body: { file } };
  });

  const visibleFile = async (request: EmulatorRequest) => {
    const caller = await context.caller(request);
    const file = state.find('files', request.params.id ?? '');
    if (!file || !(seesAll(caller) || caller.teamIds.has(String(file.team_id)))) throw notFound('file');
    return { caller, file };
  };

  router.get('/api/v1/files/:id', async (request) => {
    const { file } = await visibleFile(request);
    return { status: 200, body: { file } };
  });
  router.get('/api/v1/files/:id/content', async (request) => {
    const { file } = await visibleFile(request);
    return {
      status: 200,
      headers: {
        'content-type': String(file.mime || 'text/plain'),
        'content-disposition': `attachment; filename=${String(file.name).replaceAll(' ', '_')}`,
      },
      body: state.contents.get(file.id) ?? Buffer.alloc(0),
    };
  });
  router.get('/api/v1/files/:id/junit', async (request) => {
    const { file } = await visibleFile(request);
    const junit = state.junit.get(file.id);
    if (!junit) throw dciError(400, 'file is not a junit file');
    // The server's test suites (junit.py), next to the counts this route answered before.
    return { status: 200, body: { ...junit.summary, testsuites: junit.testsuites } };
  });
  router.delete('/api/v1/files/:id', async (request) => {
    const { caller, file } = await visibleFile(request);
    if (!writesTeam(caller, file.team_id)) throw notAuthorized();
    file.state = 'archived';
    state.contents.delete(file.id);
    state.junit.delete(file.id);
    const job = state.find('jobs', String(file.job_id));
    if (job) state.touch(job);
    return { status: 204 };
  });
}
