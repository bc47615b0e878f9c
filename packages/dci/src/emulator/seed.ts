import { randomBytes } from 'node:crypto';
import type { DciState, Row } from './state.js';

/** What to put in a fresh emulator. */
export interface DciSeedOptions {
  /** Jobs to pre-create for the seeded remoteci (for paging tests and benchmarks). Default 0. */
  jobs?: number;
}

/** Credentials of a seeded user. */
export interface SeededUser {
  id: string;
  login: string;
  password: string;
}

/** Credentials of a seeded remoteci or feeder. */
export interface SeededAgent {
  id: string;
  /** `remoteci/<id>` or `feeder/<id>`: the `DCI_CLIENT_ID`. */
  clientId: string;
  apiSecret: string;
}

/** Ids and secrets of everything seeded, to point clients at the emulator. */
export interface DciSeedInfo {
  teams: { admin: string; redHat: string; epm: string; partner: string };
  users: { admin: SeededUser; partner: SeededUser; viewer: SeededUser };
  /** The partner team's remoteci. It uses python-dciauth's test key, so upstream vectors verify against it. */
  remoteci: SeededAgent;
  /** The partner team's feeder (the key of spec vector E). */
  feeder: SeededAgent;
  /** A bearer token accepted as the partner user's Red Hat SSO token. */
  ssoToken: string;
  product: string;
  topic: string;
  component: string;
}

/** Remotecis whose keys appear in the upstream signature vectors (spec §3). */
const VECTOR_REMOTECIS: readonly [string, string][] = [
  [
    '464cc0a3-d638-4081-a69e-4c80261f3ba5',
    '0nqAfEUJr3OWO8YnyjlGf2h2lrmz3MD343ECjyDTCr3lphcRND2cNESYuo5IXA8t',
  ],
  [
    '79626298-a124-4e22-b5be-ec1a5e46fb41',
    'XFe4YmxzehlZMGQsL3svsbIrhKBBPHiRWdw22uclpAsX8a6sSixQrZkdxxqdVBDZ',
  ],
  [
    '5bb5c0ed-78f6-4e99-aa02-918c4677a97f',
    '9i9U20riVIBhTeCcXzhyqcVJHHIbWY4veo2Bfdn14NgvCaKw2JJYTm0tIHpGyk8w',
  ],
];
const VECTOR_FEEDER: [string, string] = ['6e2b9f0e-1a33-4c55-8d6f-0d9a6f1c2b3a', 'Zm9vYmFyYmF6cXV4'];

function team(state: DciState, name: string, extra: Record<string, unknown> = {}): Row {
  return state.insert('teams', {
    name,
    country: null,
    external: false,
    has_pre_release_access: false,
    ...extra,
  });
}

function user(state: DciState, name: string, password: string, teamIds: string[]): SeededUser {
  const row = state.insert('users', {
    name,
    fullname: name,
    email: `${name}@example.com`,
    sso_username: name,
    sso_sub: null,
    timezone: 'UTC',
  });
  state.passwords.set(row.id, password);
  for (const teamId of teamIds) state.teamsOf(row.id).add(teamId);
  return { id: row.id, login: name, password };
}

/** Fills `state` with upstream-like roles: admin, Red Hat, EPM and a partner team with its agents. */
export function seedState(state: DciState, options: DciSeedOptions = {}): DciSeedInfo {
  const admin = team(state, 'admin');
  const redHat = team(state, 'Red Hat');
  const epm = team(state, 'EPM');
  const partner = team(state, 'Partner Lab', { external: true });
  const users = {
    admin: user(state, 'admin', 'admin', [admin.id]),
    partner: user(state, 'partner', 'partner', [partner.id]),
    viewer: user(state, 'rh-viewer', 'rh-viewer', [redHat.id]),
  };
  const remotecis = VECTOR_REMOTECIS.map(([id, api_secret], index) =>
    state.insert('remotecis', {
      id,
      name: `lab-remoteci-${index + 1}`,
      team_id: partner.id,
      api_secret,
      data: {},
      public: false,
    }),
  );
  const feeder = state.insert('feeders', {
    id: VECTOR_FEEDER[0],
    name: 'lab-feeder',
    team_id: partner.id,
    api_secret: VECTOR_FEEDER[1],
    data: {},
  });
  const product = state.insert('products', {
    name: 'RHEL',
    label: 'RHEL',
    description: 'Red Hat Enterprise Linux',
  });
  state.productTeams.set(product.id, new Set([partner.id]));
  const topic = state.insert('topics', {
    name: 'RHEL-9.4',
    product_id: product.id,
    component_types: ['compose'],
    component_types_optional: [],
    next_topic_id: null,
    export_control: true,
    data: {},
  });
  const component = state.insert('components', {
    name: 'RHEL-9.4.0-20240101.n.0',
    display_name: 'RHEL-9.4.0-20240101.n.0',
    version: '9.4.0',
    uid: '',
    type: 'compose',
    canonical_project_name: null,
    title: null,
    message: null,
    url: null,
    data: {},
    tags: ['nightly'],
    topic_id: topic.id,
    team_id: null,
    released_at: '2024-01-01T00:00:00',
  });
  const remoteci = remotecis[0] as Row;
  for (let i = 0; i < (options.jobs ?? 0); i++) {
    const job = state.insert('jobs', {
      name: `seeded-job-${i}`,
      comment: '',
      status: 'success',
      status_reason: '',
      configuration: '',
      url: '',
      duration: 0,
      tags: [],
      data: {},
      topic_id: topic.id,
      remoteci_id: remoteci.id,
      team_id: partner.id,
      product_id: product.id,
      pipeline_id: null,
      previous_job_id: null,
      update_previous_job_id: null,
      user_agent: null,
      client_version: null,
    });
    state.jobComponents.set(job.id, [component.id]);
  }
  const ssoToken = randomBytes(24).toString('base64url');
  state.ssoTokens.set(ssoToken, { userId: users.partner.id });
  return {
    teams: { admin: admin.id, redHat: redHat.id, epm: epm.id, partner: partner.id },
    users,
    remoteci: {
      id: remoteci.id,
      clientId: `remoteci/${remoteci.id}`,
      apiSecret: String(remoteci.api_secret),
    },
    feeder: { id: feeder.id, clientId: `feeder/${feeder.id}`, apiSecret: String(feeder.api_secret) },
    ssoToken,
    product: product.id,
    topic: topic.id,
    component: component.id,
  };
}
