import { randomUUID } from 'node:crypto';

/** Emulator-side records: plain JSON, independent of the SDK's types. */
export interface ContainerRecord {
  name: string;
  image: string;
  env: Record<string, string>;
  port: number;
  cpu: string;
  memory: string;
}
export interface SpaceRecord {
  name: string;
  user_id: string;
  id: string;
  domain: string;
  containers: ContainerRecord[];
}
export interface RegistryRecord {
  name: string;
  user_id: string;
  uri: string;
  username: string;
  password: string;
}
export interface ObjectRecord {
  key: string;
  size: number;
  lastModified: Date;
}
export interface AssetRecord {
  id: string;
  workspace_id: string;
  storage_name: string;
  object_name: string;
  prefix: string;
  object_version: string;
  visibility: string;
  content_disposition: string;
  password: string;
  url: string;
  user_id: string;
  asset_created_at: string;
}

/** One user's data. */
export interface UserState {
  id: string;
  spaces: Map<string, SpaceRecord>;
  registries: Map<string, RegistryRecord>;
  secrets: Map<string, string>;
}

/** The whole emulated service. */
export class NaasState {
  /** Bearer JWT → user id. */
  readonly tokens = new Map<string, string>();
  readonly users = new Map<string, UserState>();
  /** Trade codes (web login and JupyterHub tokens) → the JWT they trade for. */
  readonly tradeCodes = new Map<string, { kind: 'workspace' | 'jupyterhub'; jwt: string }>();
  /** Workspace id → owner user id. */
  readonly workspaces = new Map<string, string>();
  /** `<ws>/<storage>` → objects by key inside the storage. */
  readonly storages = new Map<string, Map<string, ObjectRecord>>();
  readonly assets = new Map<string, AssetRecord>();
  /** Counts calls of the storage credentials endpoint (tests of refresh). */
  credentialsIssued = 0;

  user(id: string): UserState {
    let user = this.users.get(id);
    if (!user) {
      user = { id, spaces: new Map(), registries: new Map(), secrets: new Map() };
      this.users.set(id, user);
    }
    return user;
  }

  /** Adds a user with a JWT; returns the user id. */
  addUser(token: string, id: string = randomUUID()): string {
    this.tokens.set(token, id);
    this.user(id);
    return id;
  }

  clear(): void {
    this.tokens.clear();
    this.users.clear();
    this.tradeCodes.clear();
    this.workspaces.clear();
    this.storages.clear();
    this.assets.clear();
    this.credentialsIssued = 0;
  }
}
