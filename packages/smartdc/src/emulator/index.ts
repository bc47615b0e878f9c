/**
 * @nimbus-sdk/smartdc/emulator: a local Triton CloudAPI on 127.0.0.1 that verifies HTTP
 * signatures like the real one and runs machines through their asynchronous states.
 */
import { FaultController, startEmulatorServer } from '@nimbus-sdk/core/testing';
import { cloudApiHandler, type LoggedRequest, type RequestCounter } from './app.js';
import { DEFAULT_DELAYS, type MachineDelays } from './delays.js';
import { MAX_BODY_BYTES } from './input-rules.js';
import type { StoredKey } from './key-registry.js';
import { type SmartdcSeed, SmartdcState } from './state.js';

export { negotiateApiVersion, SUPPORTED_API_VERSIONS } from './api-version.js';
export type { LoggedRequest } from './app.js';
export { MAX_CLOCK_SKEW_MS } from './auth.js';
export type { MachineDelays } from './delays.js';
export type { SmartdcSeed } from './state.js';

/** How the emulated service behaves beyond the happy path (HTTP-level faults are `faults`). */
export interface SmartdcBehaviour {
  /** The next N provisions end in `failed` instead of `running`. */
  failProvisions?: number;
  /** Answer start/stop on a machine already in that state with 409 InvalidState (default: 202 no-op). */
  strictStates?: boolean;
}

/** @deprecated Renamed {@link SmartdcBehaviour}; pass it as `behaviour`. */
export type SmartdcFaults = SmartdcBehaviour;

/** Options of {@link startSmartdcEmulator}. */
export interface SmartdcEmulatorOptions {
  /** Port on 127.0.0.1; default 0 (a free one). */
  port?: number;
  seed?: SmartdcSeed;
  /**
   * HTTP-level fault injection (latency, 5xx, 429, resets, clock skew) to share, as in every
   * nimbus emulator; default a fresh controller, on `emulator.faults`. A plain object with
   * `failProvisions`/`strictStates` is still read as `behaviour` (deprecated).
   */
  faults?: FaultController | SmartdcBehaviour;
  /** Service behaviours: failing provisions, strict state checks. */
  behaviour?: SmartdcBehaviour;
  /** Job durations; default a few hundred milliseconds each. */
  delays?: Partial<MachineDelays>;
  /** The emulator clock (signature Date checks and job timing). Default the system clock. */
  clock?: () => Date;
}

/** A running CloudAPI emulator. */
export interface SmartdcEmulator {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** The seeded account login. */
  readonly account: string;
  /** HTTP-level fault injection (latency, 5xx, 429, resets, clock skew). */
  readonly faults: FaultController;
  /** The in-memory model, for assertions and direct setup in tests. */
  readonly state: SmartdcState;
  /** Requests received since start (or the last reset). */
  readonly requestCount: number;
  /** The latest requests (up to 10,000) since start or the last reset, e.g. to check a dry run sent no write. */
  readonly requests: readonly LoggedRequest[];
  /** Registers an OpenSSH public key on the account (or a sub-user); returns its MD5 fingerprint. */
  addKey(publicKey: string, options?: { name?: string; user?: string }): StoredKey;
  /** Adds an RBAC sub-user that can then own keys. */
  addUser(login: string): void;
  /** The next `n` provisions fail. */
  failNextProvisions(n: number): void;
  /** Adds a datacenter to ListDatacenters (e.g. a second emulator). */
  addDatacenter(name: string, url: string): void;
  /** Back to the seeded state. */
  reset(): void;
  close(): Promise<void>;
}

/**
 * Starts the emulator.
 * @example
 * const cloudapi = await startSmartdcEmulator();
 * const key = cloudapi.addKey(readFileSync('id_rsa.pub', 'utf8'));
 * const triton = createSmartdcClient({ url: cloudapi.url, account: cloudapi.account, keyId: key.fingerprint, key: 'id_rsa' });
 */
export async function startSmartdcEmulator(options: SmartdcEmulatorOptions = {}): Promise<SmartdcEmulator> {
  const baseClock = options.clock ?? (() => new Date());
  let running: { clock: () => Date } | undefined;
  // Job timing follows the server clock, so injected skew and fixed clocks drive it too.
  const now = () => (running ? running.clock() : baseClock()).getTime();
  const state = new SmartdcState(options.seed ?? {}, now, { ...DEFAULT_DELAYS, ...options.delays });
  const counter: RequestCounter = { total: 0, log: [] };
  const httpFaults = options.faults instanceof FaultController ? options.faults : undefined;
  const behaviour: SmartdcBehaviour = {
    ...(options.faults instanceof FaultController ? {} : options.faults),
    ...options.behaviour,
  };
  const applyFaults = () => {
    state.machines.failNextProvisions = behaviour.failProvisions ?? 0;
    state.machines.strictStates = behaviour.strictStates ?? false;
  };
  applyFaults();
  const server = await startEmulatorServer({
    handler: cloudApiHandler(state, counter),
    port: options.port,
    clock: baseClock,
    faults: httpFaults,
    // Bodies up to this size reach the handler, which answers CloudAPI's own 413 above its limit.
    maxBodyBytes: 32 * MAX_BODY_BYTES,
  });
  running = server;
  const seedDatacenters = () => {
    state.datacenters = { [state.datacenterName]: server.url, ...options.seed?.datacenters };
  };
  seedDatacenters();
  return {
    url: server.url,
    get account() {
      return state.account.login;
    },
    faults: server.faults,
    state,
    get requestCount() {
      return counter.total;
    },
    get requests() {
      return [...counter.log];
    },
    addKey(publicKey, keyOptions = {}) {
      if (keyOptions.user !== undefined) {
        const user = state.users.get(keyOptions.user) ?? state.addUser(keyOptions.user);
        return user.keys.add(publicKey, keyOptions.name);
      }
      return state.keys.add(publicKey, keyOptions.name);
    },
    addUser(login) {
      state.addUser(login);
    },
    failNextProvisions(n) {
      state.machines.failNextProvisions = n;
    },
    addDatacenter(name, url) {
      state.datacenters[name] = url;
    },
    reset() {
      state.reset();
      applyFaults();
      seedDatacenters();
      server.faults.clear();
      counter.total = 0;
      counter.log.length = 0;
    },
    close: () => server.close(),
  };
}
