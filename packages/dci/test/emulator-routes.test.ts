import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DciEmulator } from '../src/emulator/index.js';
import { startDciEmulator } from '../src/emulator/index.js';
import { type RawAnswer, type RawAuth, rawRequest, remoteciRequest } from './emulator-raw.js';

/**
 * Every route of the DCI spec's route tables (sections 4, 7, 9), called once in an order where each
 * finds what it needs, with the status dci-control-server answers. Ids come from `ids`, filled as
 * the table runs (`{job}` in a path is the job created earlier).
 */
interface RouteCase {
  route: string;
  as: 'admin' | 'partner' | 'remoteci' | 'none';
  path: string;
  json?: unknown;
  body?: string;
  headers?: Record<string, string | ((ids: Ids) => string)>;
  status: number;
  /** Keeps ids from the answer for later rows. */
  keep?: (answer: RawAnswer, ids: Ids) => void;
  check?: (answer: RawAnswer, ids: Ids) => void;
}
type Ids = Record<string, string>;

let dci: DciEmulator;
const ids: Ids = {};
beforeAll(async () => {
  dci = await startDciEmulator();
  Object.assign(ids, {
    topic: dci.seed.topic,
    component: dci.seed.component,
    product: dci.seed.product,
    partnerTeam: dci.seed.teams.partner,
    remoteci: dci.seed.remoteci.id,
    feeder: dci.seed.feeder.id,
    partnerUser: dci.seed.users.partner.id,
  });
});
afterAll(() => dci.close());

const etagOf = (table: Parameters<DciEmulator['state']['find']>[0], key: string) => (i: Ids) =>
  String(dci.state.find(table, i[key] ?? '')?.etag);

const ROUTES: RouteCase[] = [
  { route: 'GET /', as: 'none', path: '/api/v1/', status: 200 },
  { route: 'GET /identity', as: 'remoteci', path: '/api/v1/identity', status: 200 },
  { route: 'GET /users/me', as: 'partner', path: '/api/v1/users/me', status: 200 },
  {
    route: 'PUT /identity',
    as: 'partner',
    path: '/api/v1/identity',
    json: { current_password: 'partner', timezone: 'Europe/Paris' },
    headers: { 'if-match': etagOf('users', 'partnerUser') },
    status: 200,
  },
  {
    route: 'PUT /users/me',
    as: 'partner',
    path: '/api/v1/users/me',
    json: { current_password: 'partner', fullname: 'Partner' },
    headers: { 'if-match': etagOf('users', 'partnerUser') },
    status: 200,
  },
  // Products
  { route: 'GET /products', as: 'partner', path: '/api/v1/products', status: 200 },
  {
    route: 'POST /products',
    as: 'admin',
    path: '/api/v1/products',
    json: { name: 'OpenShift' },
    status: 201,
    keep: (a, i) => {
      i.newProduct = a.body.product.id;
    },
  },
  { route: 'GET /products/<id>', as: 'admin', path: '/api/v1/products/{newProduct}', status: 200 },
  {
    route: 'PUT /products/<id>',
    as: 'admin',
    path: '/api/v1/products/{newProduct}',
    json: { description: 'x' },
    headers: { 'if-match': etagOf('products', 'newProduct') },
    status: 200,
  },
  {
    route: 'POST /products/<id>/teams',
    as: 'admin',
    path: '/api/v1/products/{newProduct}/teams',
    json: { team_id: '{partnerTeam}' },
    status: 201,
  },
  {
    route: 'GET /products/<id>/teams',
    as: 'admin',
    path: '/api/v1/products/{newProduct}/teams',
    status: 200,
  },
  {
    route: 'DELETE /products/<id>/teams/<team_id>',
    as: 'admin',
    path: '/api/v1/products/{newProduct}/teams/{partnerTeam}',
    status: 204,
  },
  // Topics
  { route: 'GET /topics', as: 'partner', path: '/api/v1/topics', status: 200 },
  {
    route: 'POST /topics',
    as: 'admin',
    path: '/api/v1/topics',
    json: { name: 'OCP-4.16', product_id: '{product}', component_types: ['ocp'], export_control: true },
    status: 201,
    keep: (a, i) => {
      i.newTopic = a.body.topic.id;
    },
  },
  { route: 'GET /topics/<id>', as: 'admin', path: '/api/v1/topics/{newTopic}', status: 200 },
  {
    route: 'PUT /topics/<id>',
    as: 'admin',
    path: '/api/v1/topics/{newTopic}',
    json: { data: { a: 1 } },
    headers: { 'if-match': etagOf('topics', 'newTopic') },
    status: 200,
  },
  {
    route: 'GET /topics/<id>/components',
    as: 'partner',
    path: '/api/v1/topics/{topic}/components',
    status: 200,
  },
  {
    route: 'POST /topics/<id>/notifications',
    as: 'partner',
    path: '/api/v1/topics/{topic}/notifications',
    status: 201,
  },
  {
    route: 'GET /topics/notifications',
    as: 'partner',
    path: '/api/v1/topics/notifications',
    status: 200,
    check: (a) => expect(a.body.topics).toHaveLength(1),
  },
  {
    route: 'GET /topics/<id>/notifications/users',
    as: 'admin',
    path: '/api/v1/topics/{topic}/notifications/users',
    status: 200,
    check: (a) => expect(a.body.users).toHaveLength(1),
  },
  {
    route: 'DELETE /topics/<id>/notifications',
    as: 'partner',
    path: '/api/v1/topics/{topic}/notifications',
    status: 204,
  },
  // Components
  { route: 'GET /components', as: 'partner', path: '/api/v1/components', status: 200 },
  {
    route: 'POST /components',
    as: 'admin',
    path: '/api/v1/components',
    json: { name: 'RHEL-9.4.1', type: 'compose', topic_id: '{topic}', released_at: '2025-01-01T00:00:00' },
    status: 201,
    keep: (a, i) => {
      i.newComponent = a.body.component.id;
    },
  },
  { route: 'GET /components/<id>', as: 'partner', path: '/api/v1/components/{newComponent}', status: 200 },
  {
    route: 'PUT /components/<id>',
    as: 'admin',
    path: '/api/v1/components/{newComponent}',
    json: { tags: ['ga'] },
    headers: { 'if-match': etagOf('components', 'newComponent') },
    status: 200,
  },
  {
    route: 'POST /components/<id>/files',
    as: 'admin',
    path: '/api/v1/components/{newComponent}/files',
    body: 'iso bytes',
    headers: { 'content-type': 'application/octet-stream' },
    status: 201,
    keep: (a, i) => {
      i.componentFile = a.body.component_file.id;
    },
  },
  {
    route: 'GET /components/<id>/files',
    as: 'partner',
    path: '/api/v1/components/{newComponent}/files',
    status: 200,
  },
  {
    route: 'GET /components/<id>/files/<file_id>',
    as: 'partner',
    path: '/api/v1/components/{newComponent}/files/{componentFile}',
    status: 200,
  },
  {
    route: 'GET /components/<id>/files/<file_id>/content',
    as: 'partner',
    path: '/api/v1/components/{newComponent}/files/{componentFile}/content',
    status: 200,
    check: (a) => expect(a.body).toBe('iso bytes'),
  },
  {
    route: 'GET /api/v2/components/<id>/files/<file>',
    as: 'partner',
    path: '/api/v2/components/{newComponent}/files/{componentFile}',
    status: 302,
  },
  // Pipelines
  {
    route: 'POST /pipelines',
    as: 'partner',
    path: '/api/v1/pipelines',
    json: { name: 'nightly', team_id: '{partnerTeam}' },
    status: 201,
    keep: (a, i) => {
      i.pipeline = a.body.pipeline.id;
    },
  },
  { route: 'GET /pipelines', as: 'partner', path: '/api/v1/pipelines', status: 200 },
  { route: 'GET /pipelines/<id>', as: 'partner', path: '/api/v1/pipelines/{pipeline}', status: 200 },
  {
    route: 'PUT /pipelines/<id>',
    as: 'partner',
    path: '/api/v1/pipelines/{pipeline}',
    json: { name: 'nightly-2' },
    headers: { 'if-match': etagOf('pipelines', 'pipeline') },
    status: 200,
  },
  {
    route: 'GET /pipelines/<id>/jobs',
    as: 'partner',
    path: '/api/v1/pipelines/{pipeline}/jobs',
    status: 200,
  },
  // Jobs
  {
    route: 'POST /jobs',
    as: 'remoteci',
    path: '/api/v1/jobs',
    json: { topic_id: '{topic}', components: ['{component}'], pipeline_id: '{pipeline}' },
    status: 201,
    keep: (a, i) => {
      i.job = a.body.job.id;
    },
  },
  {
    route: 'POST /jobs/schedule',
    as: 'remoteci',
    path: '/api/v1/jobs/schedule',
    json: { topic_id: '{topic}' },
    status: 201,
    keep: (a, i) => {
      i.scheduled = a.body.job.id;
    },
  },
  { route: 'POST /jobs/<id>/update', as: 'remoteci', path: '/api/v1/jobs/{job}/update', status: 201 },
  {
    route: 'POST /jobs/upgrade',
    as: 'remoteci',
    path: '/api/v1/jobs/upgrade',
    json: { job_id: '{job}' },
    status: 400,
  },
  { route: 'GET /jobs', as: 'remoteci', path: '/api/v1/jobs', status: 200 },
  { route: 'GET /jobs/<id>', as: 'remoteci', path: '/api/v1/jobs/{job}', status: 200 },
  {
    route: 'PUT /jobs/<id>',
    as: 'remoteci',
    path: '/api/v1/jobs/{job}',
    json: { comment: 'c' },
    headers: { 'if-match': etagOf('jobs', 'job') },
    status: 200,
  },
  {
    route: 'POST /jobs/<id>/components',
    as: 'remoteci',
    path: '/api/v1/jobs/{job}/components',
    json: { id: '{newComponent}' },
    status: 201,
  },
  {
    route: 'GET /jobs/<id>/components',
    as: 'remoteci',
    path: '/api/v1/jobs/{job}/components',
    status: 200,
    check: (a) => expect(a.body.components).toHaveLength(2),
  },
  {
    route: 'DELETE /jobs/<id>/components/<cid>',
    as: 'remoteci',
    path: '/api/v1/jobs/{job}/components/{newComponent}',
    status: 201,
  },
  {
    route: 'POST /jobstates',
    as: 'remoteci',
    path: '/api/v1/jobstates',
    json: { job_id: '{job}', status: 'running' },
    status: 201,
    keep: (a, i) => {
      i.jobstate = a.body.jobstate.id;
    },
  },
  { route: 'GET /jobstates/<id>', as: 'remoteci', path: '/api/v1/jobstates/{jobstate}', status: 200 },
  { route: 'GET /jobs/<id>/jobstates', as: 'remoteci', path: '/api/v1/jobs/{job}/jobstates', status: 200 },
  {
    route: 'POST /files',
    as: 'remoteci',
    path: '/api/v1/files',
    body: '<testsuite tests="1"><testcase name="t"/></testsuite>',
    headers: { 'dci-name': 'results.xml', 'dci-job-id': '{job}', 'dci-mime': 'application/junit' },
    status: 201,
    keep: (a, i) => {
      i.file = a.body.file.id;
    },
  },
  { route: 'GET /files/<id>', as: 'remoteci', path: '/api/v1/files/{file}', status: 200 },
  { route: 'GET /files/<id>/content', as: 'remoteci', path: '/api/v1/files/{file}/content', status: 200 },
  { route: 'GET /files/<id>/junit', as: 'remoteci', path: '/api/v1/files/{file}/junit', status: 200 },
  {
    route: 'GET|HEAD /api/v2/files/<id>/content',
    as: 'remoteci',
    path: '/api/v2/files/{file}/content',
    status: 302,
  },
  { route: 'GET /jobs/<id>/files', as: 'remoteci', path: '/api/v1/jobs/{job}/files', status: 200 },
  {
    route: 'GET /jobs/<id>/results',
    as: 'remoteci',
    path: '/api/v1/jobs/{job}/results',
    status: 200,
    check: (a) => expect(a.body.results).toHaveLength(1),
  },
  {
    route: 'POST /jobs/<id>/kv',
    as: 'remoteci',
    path: '/api/v1/jobs/{job}/kv',
    json: { key: 'duration', value: 12.5 },
    status: 201,
  },
  {
    route: 'DELETE /jobs/<id>/kv',
    as: 'remoteci',
    path: '/api/v1/jobs/{job}/kv',
    json: { key: 'duration' },
    status: 204,
  },
  {
    route: 'POST /jobstates (final)',
    as: 'remoteci',
    path: '/api/v1/jobstates',
    json: { job_id: '{job}', status: 'success' },
    status: 201,
  },
  {
    route: 'POST /analytics/jobs',
    as: 'remoteci',
    path: '/api/v1/analytics/jobs?query=status%3Dsuccess',
    status: 200,
    check: (a) => expect(a.body.hits.total.value).toBe(1),
  },
  // Jobs events (super admin)
  { route: 'GET /jobs_events/sequence', as: 'admin', path: '/api/v1/jobs_events/sequence', status: 200 },
  {
    route: 'PUT /jobs_events/sequence',
    as: 'admin',
    path: '/api/v1/jobs_events/sequence',
    json: { sequence: 1 },
    headers: { 'if-match': () => dci.state.jobsEventsSequence.etag },
    status: 204,
  },
  {
    route: 'GET /jobs_events/<seq>',
    as: 'admin',
    path: '/api/v1/jobs_events/1',
    status: 200,
    check: (a) => expect(a.body.jobs_events).toHaveLength(1),
  },
  { route: 'DELETE /jobs_events/<seq>', as: 'admin', path: '/api/v1/jobs_events/1', status: 204 },
  // Remotecis and feeders
  { route: 'GET /remotecis', as: 'partner', path: '/api/v1/remotecis', status: 200 },
  {
    route: 'POST /remotecis',
    as: 'partner',
    path: '/api/v1/remotecis',
    json: { name: 'lab-9', team_id: '{partnerTeam}', data: { k: 'v' } },
    status: 201,
    keep: (a, i) => {
      i.newRemoteci = a.body.remoteci.id;
    },
  },
  { route: 'GET /remotecis/<id>', as: 'partner', path: '/api/v1/remotecis/{newRemoteci}', status: 200 },
  {
    route: 'PUT /remotecis/<id>',
    as: 'partner',
    path: '/api/v1/remotecis/{newRemoteci}',
    json: { name: 'lab-10' },
    headers: { 'if-match': etagOf('remotecis', 'newRemoteci') },
    status: 200,
  },
  {
    route: 'GET /remotecis/<id>/data',
    as: 'partner',
    path: '/api/v1/remotecis/{newRemoteci}/data?keys=k',
    status: 200,
    check: (a) => expect(a.body).toEqual({ k: 'v' }),
  },
  {
    route: 'PUT /remotecis/<id>/api_secret',
    as: 'partner',
    path: '/api/v1/remotecis/{newRemoteci}/api_secret',
    headers: { 'if-match': 'any' },
    status: 200,
  },
  {
    route: 'POST /remotecis/<id>/users',
    as: 'partner',
    path: '/api/v1/remotecis/{newRemoteci}/users',
    json: {},
    status: 201,
  },
  {
    route: 'GET /remotecis/<id>/users',
    as: 'partner',
    path: '/api/v1/remotecis/{newRemoteci}/users',
    status: 200,
  },
  {
    route: 'GET /users/<id>/remotecis',
    as: 'partner',
    path: '/api/v1/users/{partnerUser}/remotecis',
    status: 200,
    check: (a) => expect(a.body.remotecis).toHaveLength(1),
  },
  {
    route: 'DELETE /remotecis/<id>/users/<uid>',
    as: 'partner',
    path: '/api/v1/remotecis/{newRemoteci}/users/{partnerUser}',
    status: 204,
  },
  { route: 'GET /feeders', as: 'partner', path: '/api/v1/feeders', status: 200 },
  {
    route: 'POST /feeders',
    as: 'partner',
    path: '/api/v1/feeders',
    json: { name: 'feeder-2', team_id: '{partnerTeam}' },
    status: 201,
    keep: (a, i) => {
      i.newFeeder = a.body.feeder.id;
    },
  },
  { route: 'GET /feeders/<id>', as: 'partner', path: '/api/v1/feeders/{newFeeder}', status: 200 },
  {
    route: 'PUT /feeders/<id>',
    as: 'partner',
    path: '/api/v1/feeders/{newFeeder}',
    json: { name: 'feeder-3' },
    headers: { 'if-match': etagOf('feeders', 'newFeeder') },
    status: 200,
  },
  {
    route: 'PUT /feeders/<id>/api_secret',
    as: 'partner',
    path: '/api/v1/feeders/{newFeeder}/api_secret',
    headers: { 'if-match': 'any' },
    status: 200,
  },
  // Teams and users
  { route: 'GET /teams', as: 'admin', path: '/api/v1/teams', status: 200 },
  {
    route: 'POST /teams',
    as: 'admin',
    path: '/api/v1/teams',
    json: { name: 'Lab 2' },
    status: 201,
    keep: (a, i) => {
      i.newTeam = a.body.team.id;
    },
  },
  { route: 'GET /teams/<id>', as: 'admin', path: '/api/v1/teams/{newTeam}', status: 200 },
  {
    route: 'PUT /teams/<id>',
    as: 'admin',
    path: '/api/v1/teams/{newTeam}',
    json: { country: 'FR' },
    headers: { 'if-match': etagOf('teams', 'newTeam') },
    status: 200,
  },
  {
    route: 'GET /teams/<id>/remotecis',
    as: 'partner',
    path: '/api/v1/teams/{partnerTeam}/remotecis',
    status: 200,
  },
  {
    route: 'GET /teams/<id>/products',
    as: 'partner',
    path: '/api/v1/teams/{partnerTeam}/products',
    status: 200,
    check: (a) => expect(a.body.products).toHaveLength(1),
  },
  {
    route: 'POST /teams/<id>/permissions/components',
    as: 'admin',
    path: '/api/v1/teams/{partnerTeam}/permissions/components',
    json: { teams_ids: ['{newTeam}'] },
    status: 201,
  },
  {
    route: 'GET /teams/<id>/permissions/components',
    as: 'admin',
    path: '/api/v1/teams/{partnerTeam}/permissions/components',
    status: 200,
    check: (a) => expect(a.body.teams).toHaveLength(1),
  },
  {
    route: 'DELETE /teams/<id>/permissions/components',
    as: 'admin',
    path: '/api/v1/teams/{partnerTeam}/permissions/components',
    json: { teams_ids: ['{newTeam}'] },
    status: 204,
  },
  { route: 'GET /users', as: 'admin', path: '/api/v1/users', status: 200 },
  {
    route: 'POST /users',
    as: 'admin',
    path: '/api/v1/users',
    json: { name: 'ops', email: 'ops@example.com', password: 'pw' },
    status: 201,
    keep: (a, i) => {
      i.newUser = a.body.user.id;
    },
  },
  { route: 'GET /users/<id>', as: 'admin', path: '/api/v1/users/{newUser}', status: 200 },
  {
    route: 'PUT /users/<id>',
    as: 'admin',
    path: '/api/v1/users/{newUser}',
    json: { fullname: 'Ops' },
    headers: { 'if-match': etagOf('users', 'newUser') },
    status: 200,
  },
  {
    route: 'POST /teams/<id>/users/<uid>',
    as: 'admin',
    path: '/api/v1/teams/{newTeam}/users/{newUser}',
    status: 201,
  },
  {
    route: 'GET /teams/<id>/users',
    as: 'admin',
    path: '/api/v1/teams/{newTeam}/users',
    status: 200,
    check: (a) => expect(a.body.users).toHaveLength(1),
  },
  { route: 'GET /users/<id>/teams', as: 'admin', path: '/api/v1/users/{newUser}/teams', status: 200 },
  {
    route: 'DELETE /teams/<id>/users/<uid>',
    as: 'admin',
    path: '/api/v1/teams/{newTeam}/users/{newUser}',
    status: 204,
  },
  // Deletes (soft), then purge
  { route: 'DELETE /files/<id>', as: 'remoteci', path: '/api/v1/files/{file}', status: 204 },
  { route: 'DELETE /jobstates/<id>', as: 'remoteci', path: '/api/v1/jobstates/{jobstate}', status: 204 },
  {
    route: 'DELETE /jobs/<id>',
    as: 'remoteci',
    path: '/api/v1/jobs/{scheduled}',
    headers: { 'if-match': etagOf('jobs', 'scheduled') },
    status: 204,
  },
  {
    route: 'DELETE /components/<id>/files/<file_id>',
    as: 'admin',
    path: '/api/v1/components/{newComponent}/files/{componentFile}',
    headers: { 'if-match': etagOf('component_files', 'componentFile') },
    status: 204,
  },
  {
    route: 'DELETE /components/<id>',
    as: 'admin',
    path: '/api/v1/components/{newComponent}',
    headers: { 'if-match': etagOf('components', 'newComponent') },
    status: 204,
  },
  {
    route: 'DELETE /pipelines/<id>',
    as: 'partner',
    path: '/api/v1/pipelines/{pipeline}',
    headers: { 'if-match': etagOf('pipelines', 'pipeline') },
    status: 204,
  },
  {
    route: 'DELETE /remotecis/<id>',
    as: 'partner',
    path: '/api/v1/remotecis/{newRemoteci}',
    headers: { 'if-match': etagOf('remotecis', 'newRemoteci') },
    status: 204,
  },
  {
    route: 'DELETE /feeders/<id>',
    as: 'partner',
    path: '/api/v1/feeders/{newFeeder}',
    headers: { 'if-match': etagOf('feeders', 'newFeeder') },
    status: 204,
  },
  {
    route: 'DELETE /users/<id>',
    as: 'admin',
    path: '/api/v1/users/{newUser}',
    headers: { 'if-match': etagOf('users', 'newUser') },
    status: 204,
  },
  {
    route: 'DELETE /teams/<id>',
    as: 'admin',
    path: '/api/v1/teams/{newTeam}',
    headers: { 'if-match': etagOf('teams', 'newTeam') },
    status: 204,
  },
  {
    route: 'DELETE /topics/<id>',
    as: 'admin',
    path: '/api/v1/topics/{newTopic}',
    headers: { 'if-match': etagOf('topics', 'newTopic') },
    status: 204,
  },
  {
    route: 'DELETE /products/<id>',
    as: 'admin',
    path: '/api/v1/products/{newProduct}',
    headers: { 'if-match': etagOf('products', 'newProduct') },
    status: 204,
  },
  ...['components', 'topics', 'teams', 'feeders', 'remotecis', 'jobs', 'files', 'users', 'products'].flatMap(
    (resource): RouteCase[] => [
      {
        route: `GET /${resource}/purge`,
        as: 'admin',
        path: `/api/v1/${resource}/purge`,
        status: 200,
        check: (a) => expect(a.body._meta.count).toBeGreaterThan(0),
      },
      { route: `POST /${resource}/purge`, as: 'admin', path: `/api/v1/${resource}/purge`, status: 204 },
    ],
  ),
];

const fill = (text: string) => text.replace(/\{(\w+)\}/g, (_, key: string) => ids[key] ?? `<no ${key}>`);
const fillJson = (value: unknown): unknown =>
  value === undefined ? undefined : JSON.parse(fill(JSON.stringify(value)));

async function call(c: RouteCase): Promise<RawAnswer> {
  const method = c.route.split(' ')[0]?.split('|')[0] as string;
  const path = fill(c.path);
  const headers = Object.fromEntries(
    Object.entries(c.headers ?? {}).map(([name, value]) => [
      name,
      typeof value === 'function' ? value(ids) : fill(value),
    ]),
  );
  if (c.as === 'remoteci')
    return remoteciRequest(dci, method, path, fillJson(c.json), { body: c.body, headers });
  const users: Record<string, RawAuth> = {
    admin: { login: 'admin', password: dci.seed.users.admin.password },
    partner: { login: 'partner', password: dci.seed.users.partner.password },
  };
  return rawRequest(dci.port, method, path, {
    auth: users[c.as],
    json: fillJson(c.json),
    body: c.body,
    headers,
  });
}

describe('every route of the DCI spec answers as dci-control-server does', () => {
  it.each(ROUTES.map((c) => [c.route, c] as const))('%s', async (_route, c) => {
    const answer = await call(c);
    expect(answer.status, JSON.stringify(answer.body)).toBe(c.status);
    if (c.status >= 400) expect(answer.body).toMatchObject({ status_code: c.status, payload: {} });
    c.keep?.(answer, ids);
    c.check?.(answer, ids);
  });

  it('covers each method and path of the spec tables once', () => {
    const routes = ROUTES.map((c) => c.route);
    expect(new Set(routes).size).toBe(routes.length);
  });
});
