/**
 * The CloudAPI objects as the emulator stores and serves them. They model the server's wire
 * format, not the SDK's view of it, so the emulator never imports the SDK's types and each side
 * can change without the other.
 */

/** GET /:login. */
export interface AccountRecord {
  id: string;
  login: string;
  email: string;
  companyName?: string;
  firstName?: string;
  lastName?: string;
  address?: string;
  postalCode?: string;
  city?: string;
  state?: string;
  country?: string;
  phone?: string;
  created: string;
  updated: string;
  triton_cns_enabled?: boolean;
}

/** An SSH key as ListKeys answers it. */
export interface KeyRecord {
  name: string;
  fingerprint: string;
  key: string;
  attested?: boolean;
  multifactor?: string[];
}

/** An image; `urn` only on the legacy /datasets view. */
export interface ImageRecord {
  id: string;
  name: string;
  version: string;
  os: string;
  type: string;
  requirements: Record<string, unknown>;
  description?: string;
  homepage?: string;
  published_at: string;
  owner: string;
  public: boolean;
  state: 'active' | 'unactivated' | 'disabled' | 'creating' | 'failed';
  tags?: Record<string, unknown>;
  urn?: string;
}

/** A package; `brand` and `flexible_disk` only on bhyve packages. */
export interface PackageRecord {
  id: string;
  name: string;
  memory: number;
  disk: number;
  swap: number;
  lwps: number;
  vcpus: number;
  version: string;
  group?: string;
  description?: string;
  default?: boolean;
  brand?: string;
  flexible_disk?: boolean;
}

/** The states CloudAPI reports for an instance. */
export type MachineStateName =
  | 'provisioning'
  | 'ready'
  | 'running'
  | 'stopping'
  | 'stopped'
  | 'offline'
  | 'deleted'
  | 'failed'
  | 'unknown';

/** An instance as GetMachine answers it. */
export interface MachineView {
  id: string;
  name: string;
  type: 'smartmachine' | 'virtualmachine';
  brand: string;
  state: MachineStateName;
  image: string;
  ips: string[];
  memory: number;
  /** Present (true) only on Docker containers, as CloudAPI shows it. */
  docker?: boolean;
  disk: number;
  deletion_protection: boolean;
  metadata: Record<string, string>;
  tags: Record<string, string | number | boolean>;
  created: string;
  updated: string;
  networks: string[];
  primaryIp: string | null;
  firewall_enabled: boolean;
  compute_node: string;
  package: string;
}

/** A machine snapshot. */
export interface SnapshotView {
  name: string;
  state: 'queued' | 'running' | 'created' | 'failed' | 'canceled' | 'deleted';
  size?: number;
  created: string;
  updated: string;
}

/** A network or network pool. */
export interface NetworkRecord {
  id: string;
  name: string;
  public: boolean;
  fabric?: boolean;
  description?: string;
  subnet?: string;
  gateway?: string;
}

/** A firewall rule. */
export interface FirewallRuleRecord {
  id: string;
  enabled: boolean;
  rule: string;
  global?: boolean;
  description?: string;
}
