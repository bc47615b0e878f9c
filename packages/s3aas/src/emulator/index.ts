/**
 * @nimbus-sdk/s3aas/emulator: the Exordos S3 PaaS control plane and Core IAM token flow as the server
 * code serves them, with a real Ceph RGW as the data plane when one is given.
 */
import { type FaultController, Router, startEmulatorServer } from '@nimbus-sdk/core/testing';
import { callerOf } from './auth.js';
import { RgwAdmin, type RgwAdminAccess } from './data-plane/rgw-admin.js';
import { DataPlaneSync } from './data-plane/sync.js';
import { restError } from './errors.js';
import { TokenMinter } from './iam.js';
import { registerAttachments } from './routes/attachments.js';
import { registerBuckets } from './routes/buckets.js';
import { registerDiscovery } from './routes/discovery.js';
import { registerIam } from './routes/iam.js';
import { registerInstances } from './routes/instances.js';
import { registerKeys } from './routes/keys.js';
import { registerPolicies } from './routes/policies.js';
import { registerUsers } from './routes/users.js';
import { registerVersions } from './routes/versions.js';
import { type S3aasSeedInfo, type S3aasSeedOptions, seedState } from './seed.js';
import type { EmulatorServices, InstanceDelays } from './services.js';
import { EmulatorState } from './state.js';

export type { RgwAdminAccess } from './data-plane/rgw-admin.js';
export {
  METAPAAS_PROJECT,
  RUSTFS_VERSION_ID,
  type S3aasSeedInfo,
  type S3aasSeedOptions,
  type SeededIamUser,
} from './seed.js';
export type { InstanceDelays } from './services.js';

/** Options of {@link startS3aasEmulator}. */
export interface S3aasEmulatorOptions {
  /** Port on 127.0.0.1; default a free one. */
  port?: number;
  seed?: S3aasSeedOptions;
  /** HTTP fault injection (latency, 5xx, 429, resets, clock skew). */
  faults?: FaultController;
  /** The emulator clock (instance state machine, token expiry, timestamps). Default the system clock. */
  clock?: () => Date;
  /** Instance state-machine timing. */
  delays?: InstanceDelays;
  /** Access-token lifetime when a login names no `ttl`. Default 3600 s. */
  tokenTtlSeconds?: number;
  /**
   * A Ceph RGW and its admin user: buckets, keys and user policies become real there. Without it
   * the control plane works alone and the data plane does nothing.
   */
  rgw?: RgwAdminAccess;
  /** How long after a control-plane change the data plane follows, as the platform's agents. Default 1000 ms. */
  syncDelayMs?: number;
}

/** A running s3aas emulator. */
export interface S3aasEmulator {
  /** The MetaPaaS API root and, on the same server, the Core IAM root. */
  readonly url: string;
  readonly port: number;
  readonly seed: S3aasSeedInfo;
  readonly faults: FaultController;
  /** The S3 endpoint instances' keys work on (the RGW), when one is configured. */
  readonly dataPlaneEndpoint: string | undefined;
  /** Resolves when every pending data-plane change has been applied. */
  dataPlaneIdle(): Promise<void>;
  /** Data-plane operations that failed (they never fail the control-plane call). */
  readonly dataPlaneErrors: readonly string[];
  /** Changes the sync delay from now on. */
  setSyncDelay(ms: number): void;
  /** Pins an instance's status (`ERROR`), or lets the state machine drive it again with `undefined`. */
  setInstanceStatus(id: string, status: string | undefined): void;
  /** Expires every access token now (a 401 follows); refresh tokens stay valid. */
  expireAccessTokens(): void;
  /** Revokes every refresh token (a refresh answers 400 invalid_grant). */
  revokeRefreshTokens(): void;
  /** Requests seen, by `METHOD path` (tests count IAM logins and PATCH attempts with it). */
  readonly requests: readonly string[];
  /** Drops every change (and everything made on RGW) and seeds again. */
  reset(): Promise<void>;
  /** Removes what it made on RGW and stops. */
  close(): Promise<void>;
}

/**
 * Starts an s3aas emulator on 127.0.0.1.
 *
 * @example
 * const emulator = await startS3aasEmulator({ rgw: { endpoint, accessKeyId, secretAccessKey } });
 * const client = createS3aasClient({ url: emulator.url, iam: { url: emulator.url, username: 'alice', password: 'alice-password' },
 *   dataPlane: { endpoint: emulator.dataPlaneEndpoint } });
 */
export async function startS3aasEmulator(options: S3aasEmulatorOptions = {}): Promise<S3aasEmulator> {
  let clock: () => Date = options.clock ?? (() => new Date());
  const now = () => clock();
  const state = new EmulatorState();
  let seed = seedState(state, now(), options.seed);
  const minter = new TokenMinter(state, () => now().getTime());
  const dataPlane = new DataPlaneSync(
    options.rgw ? new RgwAdmin(options.rgw) : undefined,
    options.syncDelayMs ?? 1_000,
  );
  const services: EmulatorServices = {
    state,
    now,
    caller: (request) => callerOf(request, state, now().getTime()),
    dataPlane,
    delays: {
      provisioningMs: options.delays?.provisioningMs ?? 200,
      activationMs: options.delays?.activationMs ?? 800,
    },
    nodeAddress: options.rgw ? new URL(options.rgw.endpoint).hostname : '127.0.0.1',
  };
  const router = new Router({
    trailingSlashTolerant: false,
    notFound: (request) => {
      // Without the trailing slash restalchemy reads the last segment as an id of the parent route.
      if (request.rawPath.startsWith('/v1/') && !request.rawPath.endsWith('/')) {
        throw restError(
          405,
          'UnsupportedHttpMethod',
          `Unsupported method ${request.method} for ${request.rawPath}`,
        );
      }
      throw restError(404, 'NotFoundError', `Nothing is served at ${request.rawPath}`);
    },
    methodNotAllowed: (request) => {
      throw restError(405, 'UnsupportedHttpMethod', `Unsupported method ${request.method}`);
    },
  });
  registerDiscovery(router, services);
  registerIam(router, {
    state,
    minter,
    now: () => now().getTime(),
    tokenTtlSeconds: options.tokenTtlSeconds ?? 3600,
  });
  registerVersions(router, services);
  registerInstances(router, services);
  registerBuckets(router, services);
  registerPolicies(router, services);
  registerUsers(router, services);
  registerAttachments(router, services);
  registerKeys(router, services);
  const requests: string[] = [];
  const server = await startEmulatorServer({
    handler: (request) => {
      if (requests.length < 100_000) requests.push(`${request.method} ${request.rawPath}`);
      return router.handle(request);
    },
    port: options.port,
    clock: options.clock,
    faults: options.faults,
  });
  clock = server.clock;
  return {
    url: server.url,
    port: server.port,
    get seed() {
      return seed;
    },
    faults: server.faults,
    dataPlaneEndpoint: options.rgw?.endpoint,
    dataPlaneIdle: () => dataPlane.idle(),
    dataPlaneErrors: dataPlane.errors,
    setSyncDelay(ms) {
      dataPlane.syncDelayMs = ms;
    },
    setInstanceStatus(id, status) {
      if (status === undefined) state.forcedStatus.delete(id);
      else state.forcedStatus.set(id, status);
    },
    expireAccessTokens() {
      for (const token of state.tokens.values()) if (token.kind === 'access') token.expiresAt = 0;
    },
    revokeRefreshTokens() {
      for (const [value, token] of state.tokens) if (token.kind === 'refresh') state.tokens.delete(value);
    },
    requests,
    async reset() {
      await dataPlane.purge();
      state.clear();
      requests.length = 0;
      seed = seedState(state, now(), options.seed);
    },
    async close() {
      await dataPlane.purge();
      await server.close();
    },
  };
}
