/**
 * @nimbus-sdk/dci/emulator: a faithful in-process DCI control server for tests and the sandbox.
 * Verifies DCI2/AWS4 signatures, basic and bearer auth like dci-control-server, and enforces its list,
 * ETag, job and upload rules.
 */
import { type FaultController, Router, startEmulatorServer } from '@nimbus-sdk/core/testing';
import { authenticate } from './auth.js';
import { dciError } from './errors.js';
import { requireUuidParams } from './path-params.js';
import { registerAgents } from './routes/agents.js';
import { registerComponents } from './routes/components.js';
import { registerFiles } from './routes/files.js';
import { registerIdentity } from './routes/identity.js';
import { registerJobs } from './routes/jobs.js';
import { registerJobsEvents } from './routes/jobs-events.js';
import { registerNotifications } from './routes/notifications.js';
import { registerPipelines } from './routes/pipelines.js';
import { registerPresignedDownloads } from './routes/presigned-downloads.js';
import { registerProducts } from './routes/products.js';
import { registerPurge } from './routes/purge.js';
import type { RouteContext } from './routes/resource-routes.js';
import { registerSso } from './routes/sso.js';
import { registerTeams } from './routes/teams.js';
import { registerTopics } from './routes/topics.js';
import { registerUsers } from './routes/users.js';
import { type DciSeedInfo, type DciSeedOptions, seedState } from './seed.js';
import { DciState } from './state.js';

export type { DciSeedInfo, DciSeedOptions, SeededAgent, SeededUser } from './seed.js';
export type { DciState } from './state.js';

/** Options of {@link startDciEmulator}. */
export interface DciEmulatorOptions {
  /** Port on 127.0.0.1; default a free one. */
  port?: number;
  seed?: DciSeedOptions;
  /** Share a fault controller (latency, failures, resets, clock skew); default a fresh one. */
  faults?: FaultController;
  /** The server clock (signature expiry, timestamps); default the system clock. */
  clock?: () => Date;
  /** Upload limit (the server's `MAX_CONTENT_LENGTH_MB`). Default 20 MiB. */
  maxUploadBytes?: number;
}

/** A running DCI emulator. */
export interface DciEmulator {
  /** Server root, the `DCI_CS_URL` (`http://127.0.0.1:<port>`); the API is under `/api/v1`. */
  readonly url: string;
  readonly port: number;
  /** Ids and secrets of the seeded users, remoteci and feeder; refreshed by `reset()`. */
  readonly seed: DciSeedInfo;
  readonly faults: FaultController;
  /** The in-memory model, for assertions and direct setup in tests. */
  readonly state: DciState;
  /** @deprecated Use `state` (renamed so both emulators name their model the same). */
  readonly store: DciState;
  /** Drops every change and seeds again. */
  reset(): void;
  close(): Promise<void>;
}

/**
 * Starts a DCI emulator on 127.0.0.1.
 *
 * @example
 * const dci = await startDciEmulator();
 * const client = createDciClient({ url: dci.url, auth: { type: 'signature', clientId: dci.seed.remoteci.clientId, apiSecret: dci.seed.remoteci.apiSecret } });
 * afterAll(() => dci.close());
 */
export async function startDciEmulator(options: DciEmulatorOptions = {}): Promise<DciEmulator> {
  let clock: () => Date = options.clock ?? (() => new Date());
  const state = new DciState(() => clock());
  let seed = seedState(state, options.seed);
  const context: RouteContext = {
    state,
    caller: (request) => {
      requireUuidParams(request);
      return authenticate(request, state);
    },
  };
  const router = new Router({
    notFound: (request) => {
      throw dciError(404, `The requested URL ${request.rawPath} was not found on the server.`);
    },
    methodNotAllowed: (request) => {
      throw dciError(405, `The method ${request.method} is not allowed for the requested URL.`);
    },
  });
  // Literal paths first: `/jobs/purge` or `/topics/notifications` must not be taken for an id.
  registerPurge(router, context);
  registerNotifications(router, context);
  registerJobsEvents(router, context);
  registerIdentity(router, context);
  registerTeams(router, context);
  registerUsers(router, context);
  registerProducts(router, context);
  registerTopics(router, context);
  registerComponents(router, context);
  registerJobs(router, context);
  registerFiles(router, context);
  registerAgents(router, context);
  registerPipelines(router, context);
  registerPresignedDownloads(router, context);
  registerSso(router, state);
  const maxUploadBytes = options.maxUploadBytes ?? 20 * 1024 * 1024;
  const server = await startEmulatorServer({
    // The body limit is checked once the request is read, so the client always gets the 413 answer
    // rather than a connection closed mid-upload; only absurd bodies are cut off by the kit itself.
    handler: async (request) => {
      if (request.body.length > maxUploadBytes) {
        throw dciError(413, `Request Entity Too Large: the body exceeds ${maxUploadBytes} bytes`);
      }
      const response = await router.handle(request);
      // Date follows the emulator clock (skew included), as clients use it to correct their own.
      return { ...response, headers: { date: request.now().toUTCString(), ...response.headers } };
    },
    port: options.port,
    clock: options.clock,
    faults: options.faults,
    maxBodyBytes: Math.max(maxUploadBytes, 64 * 1024 * 1024),
  });
  // Row timestamps follow the server clock, skew included.
  clock = server.clock;
  return {
    url: server.url,
    port: server.port,
    get seed() {
      return seed;
    },
    faults: server.faults,
    state,
    store: state,
    reset() {
      state.clear();
      seed = seedState(state, options.seed);
    },
    close: () => server.close(),
  };
}
