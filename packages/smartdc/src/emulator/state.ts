import { randomUUID } from 'node:crypto';
import type { MachineDelays } from './delays.js';
import { invalidArgument, missingParameter, notFound } from './errors.js';
import { booleanParam, stringParam } from './input-rules.js';
import { KeyRegistry } from './key-registry.js';
import { type CreateMachineInput, MachineStore } from './machine-store.js';
import type {
  AccountRecord,
  FirewallRuleRecord,
  ImageRecord,
  NetworkRecord,
  PackageRecord,
} from './records.js';
import { seedFirewallRules, seedImages, seedNetworks, seedPackages } from './seed.js';
import { compareVersions } from './version-order.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A sub-user (RBAC) with its own keys. */
export interface SubUser {
  login: string;
  keys: KeyRegistry;
  disabled: boolean;
}

/** What the emulator is seeded with. */
export interface SmartdcSeed {
  /** The account login. Default `nimbus`. */
  login?: string;
  /** OpenSSH public keys registered on the account at start. */
  keys?: string[];
  /** Running machines created at start (paging fixtures). Default 0. */
  machines?: number;
  /** Extra datacenters listed by ListDatacenters (name → URL); the emulator adds itself. */
  datacenters?: Record<string, string>;
  /** The name of this emulator's own datacenter. Default `local-1`. */
  datacenterName?: string;
}

/** The emulator's in-memory CloudAPI: one account, its keys, users, catalogue and machines. */
export class SmartdcState {
  account!: AccountRecord & { approved_for_provisioning: boolean; disabled: boolean };
  keys!: KeyRegistry;
  users!: Map<string, SubUser>;
  images!: (ImageRecord & { urn: string })[];
  packages!: PackageRecord[];
  networks!: NetworkRecord[];
  fwrules!: Map<string, FirewallRuleRecord>;
  readonly machines: MachineStore;
  /** Filled in once the server listens, since it contains its own URL. */
  datacenters: Record<string, string> = {};
  datacenterName: string;

  constructor(
    private readonly seed: SmartdcSeed,
    readonly now: () => number,
    delays: MachineDelays,
  ) {
    this.machines = new MachineStore(now, delays);
    this.datacenterName = seed.datacenterName ?? 'local-1';
    this.reset();
  }

  /** Back to the seeded state: everything created since start is dropped. */
  reset(): void {
    const created = new Date(this.now()).toISOString();
    this.account = {
      id: 'cc71f8bb-f310-4746-8e36-afd7c6dd2895',
      login: this.seed.login ?? 'nimbus',
      email: `${this.seed.login ?? 'nimbus'}@example.com`,
      companyName: 'Nimbus',
      firstName: 'Nim',
      lastName: 'Bus',
      created,
      updated: created,
      triton_cns_enabled: false,
      approved_for_provisioning: true,
      disabled: false,
    };
    this.keys = new KeyRegistry();
    for (const key of this.seed.keys ?? []) this.keys.add(key);
    this.users = new Map();
    this.images = seedImages();
    this.packages = seedPackages();
    this.networks = seedNetworks();
    this.fwrules = new Map(seedFirewallRules().map((rule) => [rule.id, rule]));
    this.machines.clear();
    const image = this.images[0] as ImageRecord;
    const pkg = this.packages[0] as PackageRecord;
    for (let i = 0; i < (this.seed.machines ?? 0); i++) {
      const at = new Date(this.now() - (this.seed.machines ?? 0) + i).toISOString();
      const ip = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
      this.machines.insertRunning({
        id: randomUUID(),
        name: `seed-${String(i).padStart(5, '0')}`,
        type: 'smartmachine',
        brand: 'joyent',
        state: 'running',
        image: image.id,
        ips: [ip],
        memory: pkg.memory,
        disk: pkg.disk,
        deletion_protection: false,
        metadata: {},
        tags: { seed: true },
        created: at,
        updated: at,
        networks: [],
        // A running machine has a primary IP, as `machine ip` and `ssh` need.
        primaryIp: ip,
        firewall_enabled: false,
        compute_node: '44454c4c-5000-104d-8037-b7c04f5a5131',
        package: pkg.name,
      });
    }
  }

  /** Adds a sub-user (RBAC) that can own keys; returns its key registry. */
  addUser(login: string): SubUser {
    const user: SubUser = { login, keys: new KeyRegistry(), disabled: false };
    this.users.set(login, user);
    return user;
  }

  /** GetImage: by UUID only, like CloudAPI ≥ 7. */
  image(id: string): ImageRecord & { urn: string } {
    const image = this.images.find((candidate) => candidate.id === id);
    if (!image) throw notFound(`${id} not found`);
    return image;
  }

  /**
   * The legacy /datasets lookup: exact uuid, exact urn, then urn prefix or name with the highest
   * version winning (the SDC 6.5 rule py-smartdc's README describes).
   */
  dataset(ref: string): ImageRecord & { urn: string } {
    const exact = this.images.find((image) => image.id === ref || image.urn === ref);
    if (exact) return exact;
    const prefix = ref.endsWith(':') ? ref : `${ref}:`;
    const matches = this.images.filter((image) => image.urn.startsWith(prefix) || image.name === ref);
    const newest = matches.sort((a, b) => compareVersions(b.version, a.version))[0];
    if (!newest) throw notFound(`${ref} not found`);
    return newest;
  }

  /** GetPackage: UUID, or name (highest version among active packages). */
  package(ref: string): PackageRecord {
    const found = UUID.test(ref)
      ? this.packages.find((pkg) => pkg.id === ref)
      : this.packages
          .filter((pkg) => pkg.name === ref)
          .sort((a, b) => compareVersions(b.version, a.version))[0];
    if (!found) throw notFound(`${ref} not found`);
    return found;
  }

  network(id: string): NetworkRecord {
    const network = this.networks.find((candidate) => candidate.id === id || candidate.name === id);
    if (!network) throw notFound(`${id} not found`);
    return network;
  }

  /** CreateMachine's checks, in CloudAPI's order, then the 201 record. */
  createMachine(input: CreateMachineInput) {
    if (input.image === undefined || input.image === '') throw missingParameter('image must be specified');
    if (typeof input.image !== 'string') throw invalidArgument(`${String(input.image)} is not a valid image`);
    const image = this.images.find((candidate) => candidate.id === input.image);
    if (!image) throw invalidArgument(`${input.image} is not a valid image`);
    if (image.state !== 'active') throw invalidArgument(`image ${image.id} is not active`);
    if (input.package === undefined || input.package === '')
      throw missingParameter('package must be specified');
    let pkg: PackageRecord;
    try {
      pkg = this.package(String(input.package));
    } catch {
      throw invalidArgument(`${String(input.package)} is not a valid package`);
    }
    if (!this.account.approved_for_provisioning || this.keys.size === 0) {
      throw invalidArgument('account is not approved for provisioning or has no SSH key');
    }
    const networks = Array.isArray(input.networks)
      ? input.networks.map((ref) => this.network(String(ref)).id)
      : this.networks.map((network) => network.id);
    return this.machines.create(input, image, pkg, networks);
  }

  createFirewallRule(input: Record<string, unknown>): FirewallRuleRecord {
    const rule = validateRule(input.rule);
    const enabled = input.enabled === undefined ? false : booleanParam('enabled', input.enabled);
    const description =
      input.description === undefined ? undefined : stringParam('description', input.description);
    const created: FirewallRuleRecord = {
      id: randomUUID(),
      enabled,
      rule,
      ...(description === undefined ? {} : { description }),
    };
    this.fwrules.set(created.id, created);
    return created;
  }

  firewallRule(id: string): FirewallRuleRecord {
    const rule = this.fwrules.get(id);
    if (!rule) throw notFound(`${id} not found`);
    return rule;
  }

  updateFirewallRule(id: string, input: Record<string, unknown>): FirewallRuleRecord {
    const rule = this.firewallRule(id);
    if (rule.global) throw invalidArgument('global rules cannot be modified');
    // Every input is checked before the rule changes, so a bad one changes nothing.
    const text = input.rule === undefined ? undefined : validateRule(input.rule);
    const enabled = input.enabled === undefined ? undefined : booleanParam('enabled', input.enabled);
    const description =
      input.description === undefined ? undefined : stringParam('description', input.description);
    if (text !== undefined) rule.rule = text;
    if (enabled !== undefined) rule.enabled = enabled;
    if (description !== undefined) rule.description = description;
    return rule;
  }

  deleteFirewallRule(id: string): void {
    const rule = this.firewallRule(id);
    if (rule.global) throw invalidArgument('global rules cannot be deleted');
    this.fwrules.delete(id);
  }
}

/** The light syntax check of CloudAPI's rule grammar: FROM … TO … ALLOW|BLOCK proto …. */
function validateRule(rule: unknown): string {
  if (typeof rule !== 'string' || rule.trim() === '') throw missingParameter('rule is a required argument');
  if (!/^FROM\s+.+\s+TO\s+.+\s+(ALLOW|BLOCK)\s+(tcp|udp|icmp|icmp6|ah|esp)\b/i.test(rule.trim())) {
    throw invalidArgument(`rule: Error at character 0: '${rule.slice(0, 40)}', expected: 'FROM'`);
  }
  return rule.trim();
}
