import { randomUUID } from 'node:crypto';
import { type EmulatorState, timestamp } from './state.js';

/** The MetaPaaS project where s3aas permissions are bound to Core's `owner` role. */
export const METAPAAS_PROJECT = '4d657461-0000-0000-0000-000000000002';
/** The stock version's fixed uuid, so tests and the sandbox can name it. */
export const RUSTFS_VERSION_ID = '52757374-4653-0000-0000-000000000001';

const S3_PERMISSIONS = ['s3_instance', 'bucket', 'policy', 'user', 'access_key']
  .flatMap((resource) =>
    ['create', 'read', 'update', 'delete'].map((action) => `exordos_s3.${resource}.${action}`),
  )
  .concat('exordos_s3.s3_version.read');

/** Seeded credentials. */
export interface SeededIamUser {
  uuid: string;
  username: string;
  email: string;
  password: string;
}

/** What the seed created. */
export interface S3aasSeedInfo {
  /** Holds `owner` in the MetaPaaS project: every s3aas permission with a project-scoped token. */
  owner: SeededIamUser;
  /** `*.*.*` on any token, unscoped too: sees every project. */
  admin: SeededIamUser;
  /** A newcomer with no s3aas permission (403 PolicyNotAuthorized). */
  newcomer: SeededIamUser;
  /** Like `owner`, but with OTP on: logins need `X-OTP: <otp>`. */
  otpUser: SeededIamUser & { otp: string };
  /** The stock `rustfs_1` version. */
  versionId: string;
  projectId: string;
  /** The instance holding the seeded buckets, when `buckets` was asked for. */
  bucketInstanceId?: string;
}

/** Options of the seed. */
export interface S3aasSeedOptions {
  ownerPassword?: string;
  adminPassword?: string;
  /** Seeds one ACTIVE-bound instance in the MetaPaaS project with this many buckets (benchmarks, paging). */
  buckets?: number;
}

/** Seeds the IAM users and the version catalog. */
export function seedState(state: EmulatorState, now: Date, options: S3aasSeedOptions = {}): S3aasSeedInfo {
  const stamp = timestamp(now);
  state.rows.versions.set(RUSTFS_VERSION_ID, {
    uuid: RUSTFS_VERSION_ID,
    name: 'rustfs_1',
    description: METAPAAS_PROJECT,
    image: 'https://repository.exordos.example/images/rustfs-1.0.0.raw.gz',
    created_at: stamp,
    updated_at: stamp,
  });
  const owner = {
    uuid: randomUUID(),
    username: 'alice',
    email: 'alice@example.com',
    password: options.ownerPassword ?? 'alice-password',
  };
  const admin = {
    uuid: randomUUID(),
    username: 'admin',
    email: 'admin@example.com',
    password: options.adminPassword ?? 'admin-password',
  };
  const newcomer = {
    uuid: randomUUID(),
    username: 'bob',
    email: 'bob@example.com',
    password: 'bob-password',
  };
  const otpUser = {
    uuid: randomUUID(),
    username: 'carol',
    email: 'carol@example.com',
    password: 'carol-password',
    otp: '246810',
  };
  state.iamUsers.set(otpUser.uuid, {
    uuid: otpUser.uuid,
    name: otpUser.username,
    email: otpUser.email,
    password: otpUser.password,
    projectId: randomUUID(),
    permissions: { [METAPAAS_PROJECT]: S3_PERMISSIONS },
    otp: otpUser.otp,
  });
  const ownProject = randomUUID();
  state.iamUsers.set(owner.uuid, {
    uuid: owner.uuid,
    name: owner.username,
    email: owner.email,
    password: owner.password,
    projectId: ownProject,
    permissions: { [METAPAAS_PROJECT]: S3_PERMISSIONS },
  });
  state.iamUsers.set(admin.uuid, {
    uuid: admin.uuid,
    name: admin.username,
    email: admin.email,
    password: admin.password,
    projectId: METAPAAS_PROJECT,
    permissions: { '*': ['*.*.*'] },
  });
  state.iamUsers.set(newcomer.uuid, {
    uuid: newcomer.uuid,
    name: newcomer.username,
    email: newcomer.email,
    password: newcomer.password,
    projectId: randomUUID(),
    permissions: {},
  });
  const bucketInstanceId = options.buckets ? seedBuckets(state, stamp, options.buckets) : undefined;
  return {
    owner,
    admin,
    newcomer,
    otpUser,
    versionId: RUSTFS_VERSION_ID,
    projectId: METAPAAS_PROJECT,
    bucketInstanceId,
  };
}

/** An instance holding `count` buckets, written straight into the model (no data plane). */
function seedBuckets(state: EmulatorState, stamp: string, count: number): string {
  const instance = randomUUID();
  state.rows.instances.set(instance, {
    uuid: instance,
    name: 'seeded',
    description: '',
    project_id: METAPAAS_PROJECT,
    status: 'NEW',
    ipsv4: [],
    cpu: 1,
    ram: 1024,
    disk_size: 10,
    nodes_number: 1,
    kind: 'single_node',
    version: `/v1/types/s3/versions/${RUSTFS_VERSION_ID}`,
    created_at: stamp,
    updated_at: stamp,
  });
  state.bornAt.set(instance, 0);
  for (let i = 0; i < count; i++) {
    const uuid = randomUUID();
    state.rows.buckets.set(uuid, {
      uuid,
      name: `seeded-${String(i).padStart(6, '0')}`,
      description: '',
      project_id: METAPAAS_PROJECT,
      instance: `/v1/types/s3/instances/${instance}`,
      status: 'ACTIVE',
      versioning_enabled: false,
      object_lock_enabled: false,
      quota_bytes: 0,
      public: false,
      created_at: stamp,
      updated_at: stamp,
    });
  }
  return instance;
}
