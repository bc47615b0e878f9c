/**
 * @nimbus-sdk/naas/emulator: an in-process Naas API and auth host for tests and the sandbox. It
 * answers with the real services' statuses and error bodies (spec §11), accepts bodies on GET and
 * DELETE, reads the secret list's paging from the GET body, and, given a real S3 server, hands out
 * working keys for it from the storage credentials endpoint.
 */
import { type FaultController, Router, startEmulatorServer } from '@nimbus-sdk/core/testing';
import { caller } from './auth.js';
import { naasErrors } from './errors.js';
import { type EmulatorS3, memoryBackend, s3Backend } from './object-backend.js';
import type { NaasEmulatorBehaviour, RouteContext } from './route-context.js';
import { registerAssets } from './routes/assets.js';
import { registerRegistries } from './routes/registries.js';
import { registerSecrets } from './routes/secrets.js';
import { registerSpaces } from './routes/spaces.js';
import { registerStatusAndTrades } from './routes/status.js';
import { registerStorage } from './routes/storage.js';
import { type NaasSeedInfo, type NaasSeedOptions, seedState } from './seed.js';
import { NaasState } from './state.js';

export type { EmulatorS3 } from './object-backend.js';
export type { NaasEmulatorBehaviour } from './route-context.js';
export type { NaasSeedInfo, NaasSeedOptions } from './seed.js';
export { NaasState } from './state.js';

/** Options of {@link startNaasEmulator}. */
export interface NaasEmulatorOptions {
  /** Port on 127.0.0.1; default a free one. */
  port?: number;
  seed?: NaasSeedOptions;
  /** HTTP fault injection (latency, 5xx, 429, resets); default a fresh controller. */
  faults?: FaultController;
  clock?: () => Date;
  /** Service behaviours where the real server varies (paging source, storage error shape, ...). */
  behaviour?: Partial<NaasEmulatorBehaviour>;
  /**
   * A real S3 server (the sandbox's RGW): the storage credentials endpoint hands out its keys and
   * object listings read it, so the SDK's uploads land there. Default: objects in memory.
   */
  s3?: EmulatorS3;
}

/** A running Naas emulator. */
export interface NaasEmulator {
  /** API base, the `NAAS_PYTHON_API_BASE_URL`. */
  readonly url: string;
  /** Auth host base (the same server answers the token trades). */
  readonly authUrl: string;
  readonly port: number;
  readonly seed: NaasSeedInfo;
  readonly state: NaasState;
  readonly faults: FaultController;
  /** Changeable at run time (e.g. switch the storage error key between tests). */
  readonly behaviour: NaasEmulatorBehaviour;
  reset(): void;
  close(): Promise<void>;
}

/**
 * Starts a Naas emulator on 127.0.0.1.
 *
 * @example
 * const naas = await startNaasEmulator();
 * const client = createNaasClient({ url: naas.url, token: naas.seed.token });
 * afterAll(() => naas.close());
 */
export async function startNaasEmulator(options: NaasEmulatorOptions = {}): Promise<NaasEmulator> {
  const state = new NaasState();
  let seed = seedState(state, options.seed);
  const behaviour: NaasEmulatorBehaviour = {
    secretPaging: 'body-or-query',
    storageErrorKey: 'error',
    storageErrorStatus: 'http',
    credentialsTtlSeconds: 3600,
    expirationFormat: 'space',
    registryHost: 'registry.naas.local',
    ...options.behaviour,
  };
  const objects = options.s3 ? await s3Backend(options.s3) : memoryBackend(state);
  const context: RouteContext = {
    state,
    behaviour,
    objects,
    s3: options.s3,
    caller: (request) => caller(request, state),
  };
  // FastAPI's default answers for unknown paths and methods.
  const router = new Router({
    notFound: () => {
      throw naasErrors.detail(404, 'Not Found');
    },
    methodNotAllowed: () => {
      throw naasErrors.detail(405, 'Method Not Allowed');
    },
  });
  registerStatusAndTrades(router, context);
  registerSpaces(router, context);
  registerRegistries(router, context);
  registerSecrets(router, context);
  registerStorage(router, context);
  registerAssets(router, context);
  const server = await startEmulatorServer({
    handler: router,
    port: options.port,
    clock: options.clock,
    faults: options.faults,
  });
  return {
    url: server.url,
    authUrl: server.url,
    port: server.port,
    get seed() {
      return seed;
    },
    state,
    faults: server.faults,
    behaviour,
    reset() {
      state.clear();
      seed = seedState(state, options.seed);
    },
    close: async () => {
      objects.close();
      await server.close();
    },
  };
}
