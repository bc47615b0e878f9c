/** A CloudAPI account (GET /:login). */
export interface Account {
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

/** Fields UpdateAccount accepts. */
export type AccountUpdate = Partial<
  Pick<
    Account,
    | 'email'
    | 'companyName'
    | 'firstName'
    | 'lastName'
    | 'address'
    | 'postalCode'
    | 'city'
    | 'state'
    | 'country'
    | 'phone'
    | 'triton_cns_enabled'
  >
>;

/** An SSH public key registered on the account. */
export interface SshKey {
  name: string;
  /** MD5 fingerprint in colon hex, the form CloudAPI keys are addressed by. */
  fingerprint: string;
  /** The OpenSSH public key line. */
  key: string;
  attested?: boolean;
  multifactor?: string[];
}

/** An image (formerly "dataset"). `urn` is only present on the legacy /datasets view. */
export interface Image {
  id: string;
  name: string;
  version: string;
  os: string;
  type: string;
  requirements: Record<string, unknown>;
  description?: string;
  homepage?: string;
  files?: { compression: string; sha1: string; size: number }[];
  published_at: string;
  owner: string;
  public: boolean;
  state: 'active' | 'unactivated' | 'disabled' | 'creating' | 'failed';
  tags?: Record<string, unknown>;
  urn?: string;
}

/** A package (instance size). Sizes are in MiB. */
export interface Package {
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
  /** Deprecated since SDC 7; a boolean when present. */
  default?: boolean;
  flexible_disk?: boolean;
}

/** The states CloudAPI reports for an instance. */
export type MachineState =
  | 'provisioning'
  | 'ready'
  | 'running'
  | 'stopping'
  | 'stopped'
  | 'offline'
  | 'deleted'
  | 'failed'
  | 'unknown';

/** An instance. */
export interface Machine {
  id: string;
  name: string;
  type: 'smartmachine' | 'virtualmachine';
  brand: string;
  state: MachineState;
  image: string;
  ips: string[];
  memory: number;
  disk: number;
  /** `true` on Docker containers; absent otherwise. */
  docker?: boolean;
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

/** A machine snapshot; `state` goes queued → created (or failed). */
export interface Snapshot {
  name: string;
  state: 'queued' | 'running' | 'created' | 'failed' | 'canceled' | 'deleted';
  size?: number;
  created: string;
  updated: string;
}

/** A network or network pool. */
export interface Network {
  id: string;
  name: string;
  public: boolean;
  fabric?: boolean;
  description?: string;
  subnet?: string;
  gateway?: string;
}

/** A firewall rule in CloudAPI's rule grammar. */
export interface FirewallRule {
  id: string;
  enabled: boolean;
  rule: string;
  global?: boolean;
  description?: string;
}

/** Datacenter name → CloudAPI URL. */
export type DatacenterMap = Record<string, string>;

/** Service name → URL (`cloudapi`, `docker`, `manta`, ...). */
export type ServiceMap = Record<string, string>;
