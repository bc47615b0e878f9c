import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type DciFixture, startFixture } from './emulator-fixture.js';
import { type RawAuth, rawRequest, remoteciRequest } from './emulator-raw.js';

let f: DciFixture;
let admin: RawAuth;
let partner: RawAuth;

/** A DCI2-signed raw request as the seeded remoteci. */
const asRemoteci = (method: string, path: string, json?: unknown) =>
  remoteciRequest(f.emulator, method, path, json);

beforeAll(async () => {
  f = await startFixture();
});
beforeEach(() => {
  f.emulator.reset();
  admin = { login: 'admin', password: f.emulator.seed.users.admin.password };
  partner = { login: 'partner', password: f.emulator.seed.users.partner.password };
});
afterAll(() => f.emulator.close());

const raw = (method: string, path: string, auth: RawAuth, json?: unknown) =>
  rawRequest(f.emulator.port, method, path, { auth, json });

async function newJob(): Promise<{ id: string; topic_id: string }> {
  const answer = await asRemoteci('POST', '/api/v1/jobs', {
    topic_id: f.emulator.seed.topic,
    components: [f.emulator.seed.component],
  });
  expect(answer.status).toBe(201);
  return answer.body.job;
}

describe('DCI emulator answers as dci-control-server does (issue 16)', () => {
  it('1. POST /jobs/schedule schedules a job on the latest components, 201 with the job and its components', async () => {
    const answer = await asRemoteci('POST', '/api/v1/jobs/schedule', { topic_id: f.emulator.seed.topic });
    expect(answer.status).toBe(201);
    expect(answer.headers.etag).toBe(answer.body.job.etag);
    expect(answer.body.job).toMatchObject({ status: 'new', topic_id: f.emulator.seed.topic });
    expect(answer.body.job.components.map((c: { id: string }) => c.id)).toEqual([f.emulator.seed.component]);
    const asUser = await raw('POST', '/api/v1/jobs/schedule', admin, { topic_id: f.emulator.seed.topic });
    expect(asUser).toMatchObject({ status: 400, body: { message: 'Only remoteci can create job' } });
  });

  it('1. POST /jobs/<id>/update and POST /jobs/upgrade make new jobs linked to the old one', async () => {
    const job = await newJob();
    const updated = await asRemoteci('POST', `/api/v1/jobs/${job.id}/update`);
    expect(updated.status).toBe(201);
    expect(updated.body.job).toMatchObject({ update_previous_job_id: job.id, topic_id: job.topic_id });
    const noNext = await asRemoteci('POST', '/api/v1/jobs/upgrade', { job_id: job.id });
    expect(noNext.status).toBe(400);
    const next = await raw('POST', '/api/v1/topics', admin, {
      name: 'RHEL-9.5',
      product_id: f.emulator.seed.product,
      component_types: ['compose'],
      export_control: true,
    });
    await raw('POST', '/api/v1/components', admin, {
      name: 'RHEL-9.5.0',
      type: 'compose',
      topic_id: next.body.topic.id,
    });
    const topic = await raw('GET', `/api/v1/topics/${f.emulator.seed.topic}`, admin);
    await rawRequest(f.emulator.port, 'PUT', `/api/v1/topics/${f.emulator.seed.topic}`, {
      auth: admin,
      json: { next_topic_id: next.body.topic.id },
      headers: { 'if-match': topic.body.topic.etag },
    });
    const upgraded = await asRemoteci('POST', '/api/v1/jobs/upgrade', { job_id: job.id });
    expect(upgraded.status).toBe(201);
    expect(upgraded.body.job).toMatchObject({ previous_job_id: job.id, topic_id: next.body.topic.id });
  });

  it('2. GET /remotecis/<id>/data answers the raw data object, filtered by keys', async () => {
    const id = f.emulator.seed.remoteci.id;
    f.emulator.state.find('remotecis', id)!.data = { a: 1, b: { c: 2 }, d: 'x' };
    expect(await raw('GET', `/api/v1/remotecis/${id}/data`, partner)).toMatchObject({
      status: 200,
      body: { a: 1, b: { c: 2 }, d: 'x' },
    });
    const some = await raw('GET', `/api/v1/remotecis/${id}/data?keys=a,d,zz`, partner);
    expect(some.body).toEqual({ a: 1, d: 'x' });
  });

  it('3. POST /analytics/jobs?query=… runs the job-search syntax over the jobs the caller sees', async () => {
    const first = await newJob();
    const job = f.emulator.state.find('jobs', first.id)!;
    job.name = 'ocp-4.14-upgrade';
    job.tags = ['daily', 'ga'];
    const other = await newJob();
    f.emulator.state.find('jobs', other.id)!.name = 'rhel-nightly';
    const search = (query: string) =>
      asRemoteci('POST', `/api/v1/analytics/jobs?query=${encodeURIComponent(query)}&limit=5&offset=0`);
    const byName = await search("((name='ocp-4.14-upgrade') and (tags in ['ga']))");
    expect(byName.status).toBe(200);
    expect(byName.body.hits.total.value).toBe(1);
    expect(byName.body.hits.hits[0]._source).toMatchObject({
      id: first.id,
      topic: { id: f.emulator.seed.topic },
    });
    expect(
      (await search("(name=~'*nightly') or (name='none')")).body.hits.hits.map((h: { _id: string }) => h._id),
    ).toEqual([other.id]);
    expect((await search("(components.type='compose')")).body.hits.total.value).toBe(2);
    expect((await search("tags not_in ['ga']")).body.hits.total.value).toBe(1);
    const bad = await search('((name=');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/^error while parsing the query/);
    const partnerView = await rawRequest(
      f.emulator.port,
      'POST',
      '/api/v1/analytics/jobs?query=name%3D%27rhel-nightly%27',
      {
        auth: admin,
      },
    );
    expect(partnerView.body.hits.total.value).toBe(1);
  });

  it('4. GET /jobs items always carry results, remoteci, components, topic, team, pipeline and keys_values, never data', async () => {
    await newJob();
    const list = await asRemoteci('GET', '/api/v1/jobs');
    const [item] = list.body.jobs;
    for (const key of ['results', 'remoteci', 'components', 'topic', 'team', 'pipeline', 'keys_values']) {
      expect(item, key).toHaveProperty(key);
    }
    expect(item).not.toHaveProperty('data');
    expect(item.remoteci).not.toHaveProperty('api_secret');
  });

  it('5 and 6. jobstates carry their files; GET /jobs/<id> lists only files with no jobstate, and a pipeline key', async () => {
    const job = await newJob();
    const state = await asRemoteci('POST', '/api/v1/jobstates', { job_id: job.id, status: 'running' });
    const upload = (headers: Record<string, string>) =>
      rawRequest(f.emulator.port, 'POST', '/api/v1/files', {
        auth: partner,
        body: 'log',
        headers: { 'dci-name': 'log.txt', ...headers },
      });
    const stateFile = await upload({ 'dci-jobstate-id': state.body.jobstate.id });
    const jobFile = await upload({ 'dci-job-id': job.id });
    const states = await asRemoteci('GET', `/api/v1/jobs/${job.id}/jobstates`);
    expect(states.body.jobstates[0].files.map((file: { id: string }) => file.id)).toEqual([
      stateFile.body.file.id,
    ]);
    const one = await asRemoteci('GET', `/api/v1/jobs/${job.id}`);
    expect(one.body.job.files.map((file: { id: string }) => file.id)).toEqual([jobFile.body.file.id]);
    expect(one.body.job).toHaveProperty('pipeline', null);
  });

  it('7. GET /users answers 401 to a remoteci and to a partner user, 200 to super admin', async () => {
    const denied = {
      status: 401,
      body: { status_code: 401, message: 'Operation not authorized.', payload: {} },
    };
    expect(await asRemoteci('GET', '/api/v1/users')).toMatchObject(denied);
    expect(await raw('GET', '/api/v1/users', partner)).toMatchObject(denied);
    expect((await raw('GET', '/api/v1/users', admin)).status).toBe(200);
  });

  it("7. PUT /users/<id> is the super admin's: a user edits itself through /users/me", async () => {
    const self = f.emulator.seed.users.partner.id;
    const etag = () => String(f.emulator.state.find('users', self)?.etag);
    const denied = await rawRequest(f.emulator.port, 'PUT', `/api/v1/users/${self}`, {
      auth: partner,
      json: { fullname: 'Me' },
      headers: { 'if-match': etag() },
    });
    expect(denied).toMatchObject({ status: 401, body: { message: 'Operation not authorized.' } });
    const byAdmin = await rawRequest(f.emulator.port, 'PUT', `/api/v1/users/${self}`, {
      auth: admin,
      json: { fullname: 'Partner Person' },
      headers: { 'if-match': etag() },
    });
    expect(byAdmin.status).toBe(200);
  });

  it('7. GET /products/<id>/teams is for admins and EPM', async () => {
    const path = `/api/v1/products/${f.emulator.seed.product}/teams`;
    expect((await raw('GET', path, partner)).status).toBe(401);
    expect((await raw('GET', path, admin)).status).toBe(200);
  });

  it('8. GET /jobs?where=name (no colon) answers 400 Request malformed', async () => {
    const answer = await raw('GET', '/api/v1/jobs?where=name', admin);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ status_code: 400, message: 'Request malformed' });
  });

  it('9. GET /identity carries the user etag as ETag; a remoteci identity has a null fullname', async () => {
    const user = await raw('GET', '/api/v1/identity', partner);
    expect(user.headers.etag).toBe(user.body.identity.etag);
    const agent = await asRemoteci('GET', '/api/v1/identity');
    expect(agent.body.identity).toMatchObject({ name: null, fullname: null, email: null, etag: null });
  });

  it('10. remotecis embed team and users; GET answers never carry api_secret, create and reset do', async () => {
    const id = f.emulator.seed.remoteci.id;
    expect((await raw('POST', `/api/v1/remotecis/${id}/users`, partner, {})).status).toBe(201);
    const one = await raw('GET', `/api/v1/remotecis/${id}`, partner);
    expect(one.body.remoteci).not.toHaveProperty('api_secret');
    expect(one.body.remoteci.team).toMatchObject({ id: f.emulator.seed.teams.partner });
    expect(one.body.remoteci.users.map((u: { id: string }) => u.id)).toEqual([
      f.emulator.seed.users.partner.id,
    ]);
    const list = await raw('GET', '/api/v1/remotecis', partner);
    expect(list.body.remotecis.every((r: object) => !('api_secret' in r))).toBe(true);
    const feeders = await raw('GET', '/api/v1/feeders', partner);
    expect(feeders.body.feeders.every((r: object) => !('api_secret' in r))).toBe(true);
    const created = await raw('POST', '/api/v1/remotecis', partner, {
      name: 'lab-2',
      team_id: f.emulator.seed.teams.partner,
    });
    expect(created.body.remoteci.api_secret).toMatch(/^[A-Za-z0-9]{64}$/);
    const reset = await rawRequest(
      f.emulator.port,
      'PUT',
      `/api/v1/remotecis/${created.body.remoteci.id}/api_secret`,
      {
        auth: partner,
        headers: { 'if-match': created.body.remoteci.etag },
      },
    );
    expect(reset.status).toBe(200);
    expect(reset.body.remoteci.api_secret).toMatch(/^[A-Za-z0-9]{64}$/);
    expect(reset.body.remoteci.api_secret).not.toBe(created.body.remoteci.api_secret);
  });

  it('11. POST /teams without external creates external: false', async () => {
    const answer = await raw('POST', '/api/v1/teams', admin, { name: 'new-team' });
    expect(answer.body.team.external).toBe(false);
  });

  it('12. schema errors are worded as jsonschema words them', async () => {
    const answer = await raw('POST', '/api/v1/teams', admin, { country: 5, extra: 1, state: 'gone' });
    expect(answer.status).toBe(400);
    expect(answer.body.message).toBe('Request malformed');
    expect(answer.body.payload.errors).toEqual(
      expect.arrayContaining([
        "'name' is a required property",
        "country: 5 is not of type 'string'",
        "state: 'gone' is not one of ['active', 'inactive', 'archived']",
        "Additional properties are not allowed ('extra' was unexpected)",
      ]),
    );
    const badId = await raw('POST', '/api/v1/remotecis', admin, { name: 'x', team_id: 'nope' });
    expect(badId.body.payload.errors).toEqual(["team_id: 'nope' is not a 'uuid'"]);
  });
});
