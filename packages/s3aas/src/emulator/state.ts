/** One stored object: its fields as the server stores them (relationships as paths). */
export type Row = Record<string, unknown> & { uuid: string; created_at: string; updated_at: string };

/** The resource families of the s3aas control plane. */
export type Family = 'versions' | 'instances' | 'buckets' | 'policies' | 'users' | 'attachments' | 'keys';

/** An IAM user of the emulated Exordos Core. */
export interface IamUser {
  uuid: string;
  name: string;
  email: string;
  phone?: string;
  password: string;
  /** Default project (for `project:default`). */
  projectId: string;
  /** Permissions by project id; `*` holds those that apply to every token (admins). */
  permissions: Record<string, string[]>;
  /** When set, logins need this in `X-OTP`. */
  otp?: string;
}

/** An issued access or refresh token. */
export interface IssuedToken {
  user: string;
  projectId: string | null;
  expiresAt: number;
  kind: 'access' | 'refresh';
}

/** The in-memory model of the control plane and its IAM. Never imports the SDK. */
export class EmulatorState {
  readonly rows: Record<Family, Map<string, Row>> = {
    versions: new Map(),
    instances: new Map(),
    buckets: new Map(),
    policies: new Map(),
    users: new Map(),
    attachments: new Map(),
    keys: new Map(),
  };
  /** Generated instance root secrets: hidden, never answered. */
  readonly rootSecrets = new Map<string, string>();
  /** Secrets of access keys: hidden after the create answer. */
  readonly keySecrets = new Map<string, string>();
  readonly iamUsers = new Map<string, IamUser>();
  readonly tokens = new Map<string, IssuedToken>();
  /** Forced instance statuses (tests drive ERROR through this). */
  readonly forcedStatus = new Map<string, string>();
  /** When each instance was created, in ms of the emulator clock (drives its status machine). */
  readonly bornAt = new Map<string, number>();

  clear(): void {
    for (const table of Object.values(this.rows)) table.clear();
    this.rootSecrets.clear();
    this.keySecrets.clear();
    this.iamUsers.clear();
    this.tokens.clear();
    this.forcedStatus.clear();
    this.bornAt.clear();
  }
}

/** restalchemy's timestamp form: UTC with microseconds and a literal Z. */
export function timestamp(date: Date): string {
  return `${date.toISOString().slice(0, 23)}000Z`;
}
