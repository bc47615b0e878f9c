import { randomUUID } from 'node:crypto';
import { bareRecord, EmulatorHttpError } from '@nimbus-sdk/core/testing';
import type { MachineDelays } from './delays.js';
import { cloudApiError, invalidArgument, missingParameter, notFound } from './errors.js';
import { requirePathSafeName } from './input-rules.js';
import type { ImageRecord, MachineStateName, MachineView, PackageRecord, SnapshotView } from './records.js';

/** A scheduled state change, applied lazily when the emulator clock passes `at`. */
interface Transition {
  state: MachineStateName;
  at: number;
}

interface SnapshotRecord extends SnapshotView {
  readyAt: number;
}

/** A machine plus the emulator's bookkeeping. */
export interface MachineRecord extends MachineView {
  pending: Transition[];
  deletedAt?: number;
  snapshots: Map<string, SnapshotRecord>;
}

/** What CreateMachine accepts after the params bag was merged. */
export interface CreateMachineInput {
  image?: unknown;
  package?: unknown;
  name?: unknown;
  networks?: unknown;
  firewall_enabled?: unknown;
  deletion_protection?: unknown;
  metadata: Record<string, string>;
  tags: Record<string, string | number | boolean>;
}

const MACHINE_NAME = /^[a-zA-Z0-9]([a-zA-Z0-9\-.]*[a-zA-Z0-9])?$/;
const LIST_STATES = new Set([
  'provisioning',
  'stopping',
  'active',
  'stopped',
  'running',
  'unknown',
  'destroyed',
]);

/** Filters ListMachines honours. */
export interface MachineFilters {
  type?: string;
  brand?: string;
  name?: string;
  image?: string;
  state?: string;
  memory?: string;
  docker?: string;
  tombstone?: string;
  tags: Record<string, string>;
}

/**
 * The emulator's machines with their asynchronous jobs. Every transition is a timestamp on the
 * emulator clock applied on the next read, so no timers run and an injected clock drives it fully.
 */
export class MachineStore {
  readonly #machines = new Map<string, MachineRecord>();
  #ipCounter = 10;
  /** Provisions that will end `failed` instead of `running` (fault injection). */
  failNextProvisions = 0;
  /** Reject start/stop on a machine already in that state with 409 InvalidState instead of a no-op 202. */
  strictStates = false;

  constructor(
    private readonly now: () => number,
    private readonly delays: MachineDelays,
  ) {}

  clear(): void {
    this.#machines.clear();
    this.failNextProvisions = 0;
  }

  #settle(machine: MachineRecord): MachineRecord {
    const now = this.now();
    while (machine.pending.length > 0 && (machine.pending[0]?.at ?? Infinity) <= now) {
      const next = machine.pending.shift() as Transition;
      machine.state = next.state;
      machine.updated = new Date(next.at).toISOString();
      if (next.state === 'running' && machine.ips.length === 0) {
        const n = this.#ipCounter++;
        machine.ips = [`165.225.${(n >> 8) & 255}.${n & 255}`, `10.88.${(n >> 8) & 255}.${n & 255}`];
        machine.primaryIp = machine.ips[0] ?? null;
      }
      if (next.state === 'deleted') machine.deletedAt = next.at;
    }
    for (const snapshot of machine.snapshots.values()) {
      if (snapshot.state === 'queued' && snapshot.readyAt <= now) {
        snapshot.state = 'created';
        snapshot.updated = new Date(snapshot.readyAt).toISOString();
      }
    }
    return machine;
  }

  #schedule(machine: MachineRecord, steps: [MachineStateName, number][]): void {
    let at = this.now();
    machine.pending = steps.map(([state, delay]) => {
      at += delay;
      return { state, at };
    });
  }

  /** The record, settled; deleted machines answer 410 with their body until purged, then 404. */
  find(id: string): MachineRecord | undefined {
    const machine = this.#machines.get(id);
    if (!machine) return undefined;
    this.#settle(machine);
    if (machine.deletedAt !== undefined && this.now() - machine.deletedAt >= this.delays.purgeMs) {
      this.#machines.delete(id);
      return undefined;
    }
    return machine;
  }

  /** GetMachine semantics: 404 when unknown, 410 with the machine as body when deleted. */
  get(id: string): MachineRecord {
    const machine = this.find(id);
    if (!machine) throw notFound(`${id} not found`);
    if (machine.state === 'deleted') throw deletedError(machine);
    return machine;
  }

  create(
    input: CreateMachineInput,
    image: ImageRecord,
    pkg: PackageRecord,
    networks: string[],
  ): MachineRecord {
    const id = randomUUID();
    let name = typeof input.name === 'string' && input.name !== '' ? input.name : id.slice(0, 8);
    name = name.replaceAll('{{shortId}}', id.slice(0, 8));
    if (name.length > 189 || !MACHINE_NAME.test(name)) {
      throw cloudApiError(409, 'ValidationFailed', 'Invalid machine name');
    }
    const now = new Date(this.now()).toISOString();
    const failed = this.failNextProvisions > 0;
    if (failed) this.failNextProvisions--;
    const machine: MachineRecord = {
      id,
      name,
      type: image.type === 'zvol' ? 'virtualmachine' : 'smartmachine',
      brand: image.type === 'zvol' ? 'kvm' : 'joyent',
      state: 'provisioning',
      image: image.id,
      ips: [],
      memory: pkg.memory,
      disk: pkg.disk,
      deletion_protection: input.deletion_protection === true || input.deletion_protection === 'true',
      metadata: bareRecord(input.metadata),
      tags: bareRecord(input.tags),
      created: now,
      updated: now,
      networks,
      primaryIp: null,
      firewall_enabled: input.firewall_enabled === true || input.firewall_enabled === 'true',
      compute_node: '44454c4c-5000-104d-8037-b7c04f5a5131',
      package: pkg.name,
      pending: [],
      snapshots: new Map(),
    };
    this.#schedule(machine, [[failed ? 'failed' : 'running', this.delays.provisionMs]]);
    this.#machines.set(id, machine);
    return machine;
  }

  /** Seeds a machine that is already running (paging fixtures). */
  insertRunning(machine: Omit<MachineRecord, 'pending' | 'snapshots'>): void {
    this.#machines.set(machine.id, { ...machine, pending: [], snapshots: new Map() });
  }

  list(filters: MachineFilters): MachineRecord[] {
    if (filters.state !== undefined && !LIST_STATES.has(filters.state)) {
      throw invalidArgument(`${filters.state} is not a valid state`);
    }
    if (filters.type !== undefined && filters.type !== 'smartmachine' && filters.type !== 'virtualmachine') {
      throw invalidArgument(`${filters.type} is not a valid type`);
    }
    if (filters.docker !== undefined && filters.docker !== 'true' && filters.docker !== 'false') {
      throw invalidArgument('docker must be true or false');
    }
    const tombstone = filters.tombstone !== undefined && filters.tombstone !== 'false';
    const out: MachineRecord[] = [];
    for (const id of [...this.#machines.keys()]) {
      const machine = this.find(id);
      if (!machine) continue;
      if (machine.state === 'deleted' && !tombstone && filters.state !== 'destroyed') continue;
      if (filters.state !== undefined && !stateMatches(machine.state, filters.state)) continue;
      if (filters.type !== undefined && machine.type !== filters.type) continue;
      if (filters.brand !== undefined && machine.brand !== filters.brand) continue;
      if (filters.name !== undefined && machine.name !== filters.name) continue;
      if (filters.image !== undefined && machine.image !== filters.image) continue;
      if (filters.memory !== undefined && String(machine.memory) !== filters.memory) continue;
      // Only Docker containers carry `docker: true`; the emulator provisions none, but may be seeded with some.
      if (filters.docker !== undefined && String(machine.docker === true) !== filters.docker) continue;
      const tagsMatch = Object.entries(filters.tags).every(([key, value]) =>
        key === '*' ? Object.keys(machine.tags).length > 0 : String(machine.tags[key]) === value,
      );
      if (!tagsMatch) continue;
      out.push(machine);
    }
    return out;
  }

  /** POST ?action=…; answers nothing (202) or throws the CloudAPI error. */
  action(
    id: string,
    action: unknown,
    params: Record<string, unknown>,
    resolvePackage: (ref: string) => PackageRecord,
  ): void {
    if (action === undefined || action === '') throw missingParameter('action is required');
    const machine = this.get(id);
    const requireState = (allowed: MachineStateName[], target: MachineStateName) => {
      if (machine.state === target && !this.strictStates) return false;
      if (!allowed.includes(machine.state)) {
        throw cloudApiError(409, 'InvalidState', `machine is ${machine.state}; cannot ${String(action)}`);
      }
      return true;
    };
    switch (action) {
      case 'start':
        if (requireState(['stopped'], 'running')) this.#schedule(machine, [['running', this.delays.startMs]]);
        return;
      case 'stop':
        if (requireState(['running'], 'stopped')) {
          machine.state = 'stopping';
          this.#schedule(machine, [['stopped', this.delays.stopMs]]);
        }
        return;
      case 'reboot':
        if (machine.state !== 'running') {
          throw cloudApiError(409, 'InvalidState', `machine is ${machine.state}; cannot reboot`);
        }
        machine.state = 'stopping';
        this.#schedule(machine, [['running', this.delays.rebootMs]]);
        return;
      case 'resize': {
        if (typeof params.package !== 'string' || params.package === '') {
          throw missingParameter('package must be specified');
        }
        if (machine.brand === 'kvm') throw invalidArgument('resize is not supported for kvm instances');
        const pkg = resolvePackage(params.package);
        machine.memory = pkg.memory;
        machine.disk = pkg.disk;
        machine.package = pkg.name;
        machine.updated = new Date(this.now()).toISOString();
        return;
      }
      case 'rename':
        if (typeof params.name !== 'string' || params.name === '') throw missingParameter('name is required');
        if (params.name.length > 189 || !MACHINE_NAME.test(params.name)) {
          throw cloudApiError(409, 'ValidationFailed', 'Invalid machine name');
        }
        machine.name = params.name;
        machine.updated = new Date(this.now()).toISOString();
        return;
      case 'enable_firewall':
      case 'disable_firewall':
        machine.firewall_enabled = action === 'enable_firewall';
        return;
      case 'enable_deletion_protection':
      case 'disable_deletion_protection':
        machine.deletion_protection = action === 'enable_deletion_protection';
        return;
      default:
        throw invalidArgument(`${String(action)} is not a valid action`);
    }
  }

  delete(id: string): void {
    const machine = this.get(id);
    if (machine.deletion_protection) {
      throw cloudApiError(
        409,
        'CannotDestroyMachineError',
        'Instance has "deletion_protection" enabled, preventing deletion',
      );
    }
    if (machine.pending.at(-1)?.state === 'deleted') return;
    this.#schedule(machine, [['deleted', this.delays.deleteMs]]);
  }

  /** CreateMachineSnapshot answers only the name and `queued`; the rest appears on GET. */
  createSnapshot(id: string, name: unknown): Pick<SnapshotView, 'name' | 'state'> {
    const machine = this.get(id);
    if (machine.brand === 'kvm') throw invalidArgument('snapshots are not supported for kvm instances');
    const nowMs = this.now();
    if (name !== undefined && typeof name !== 'string')
      throw invalidArgument('snapshot name must be a string');
    const snapshotName =
      name !== undefined && name !== '' ? name : new Date(nowMs).toISOString().replace(/[-:]|\.\d+/g, '');
    requirePathSafeName('snapshot', snapshotName);
    if (machine.snapshots.has(snapshotName)) throw invalidArgument(`snapshot ${snapshotName} already exists`);
    const iso = new Date(nowMs).toISOString();
    const record: SnapshotRecord = {
      name: snapshotName,
      state: 'queued',
      size: 0,
      created: iso,
      updated: iso,
      readyAt: nowMs + this.delays.snapshotMs,
    };
    machine.snapshots.set(snapshotName, record);
    return { name: snapshotName, state: 'queued' };
  }

  listSnapshots(id: string): SnapshotView[] {
    return [...this.get(id).snapshots.values()].map(snapshotView);
  }

  getSnapshot(id: string, name: string): SnapshotView {
    const snapshot = this.get(id).snapshots.get(name);
    if (!snapshot) throw notFound(`${name} not found`);
    return snapshotView(snapshot);
  }

  startFromSnapshot(id: string, name: string): void {
    const machine = this.get(id);
    const snapshot = machine.snapshots.get(name);
    if (!snapshot) throw notFound(`${name} not found`);
    if (snapshot.state !== 'created') {
      throw cloudApiError(409, 'InvalidState', `snapshot ${name} is ${snapshot.state}, not created`);
    }
    if (machine.state !== 'stopped') {
      throw cloudApiError(
        409,
        'InvalidState',
        `machine must be stopped to boot from a snapshot (it is ${machine.state})`,
      );
    }
    this.#schedule(machine, [['running', this.delays.startMs]]);
  }

  deleteSnapshot(id: string, name: string): void {
    const machine = this.get(id);
    if (!machine.snapshots.delete(name)) throw notFound(`${name} not found`);
  }
}

/** `active` is CloudAPI's alias for running; `destroyed` for deleted. */
function stateMatches(state: MachineStateName, filter: string): boolean {
  if (filter === 'active') return state === 'running';
  if (filter === 'destroyed') return state === 'deleted';
  return state === filter;
}

function snapshotView(record: SnapshotRecord): SnapshotView {
  const { readyAt: _readyAt, ...snapshot } = record;
  return snapshot;
}

/** The public machine object, without emulator bookkeeping. */
export function machineView(record: MachineRecord): MachineView {
  const { pending: _pending, deletedAt: _deletedAt, snapshots: _snapshots, ...machine } = record;
  return {
    ...machine,
    metadata: bareRecord(machine.metadata),
    tags: bareRecord(machine.tags),
    ips: [...machine.ips],
  };
}

/** 410 Gone whose body is the deleted machine itself, as CloudAPI answers. */
export function deletedError(machine: MachineRecord): EmulatorHttpError {
  return new EmulatorHttpError(410, machineView(machine));
}
