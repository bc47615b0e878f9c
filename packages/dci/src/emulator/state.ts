import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { ParsedJunit } from './junit.js';

/** One stored row: a JSON object as the server would serialise it. */
export type Row = Record<string, unknown> & {
  id: string;
  created_at: string;
  updated_at: string;
  etag: string;
  state: string;
};

/** The emulator's tables, named like the server's. */
export const TABLES = [
  'teams',
  'users',
  'products',
  'topics',
  'components',
  'component_files',
  'jobs',
  'jobstates',
  'files',
  'remotecis',
  'feeders',
  'pipelines',
] as const;
export type TableName = (typeof TABLES)[number];

/** The server's timestamp format: naive UTC ISO with microseconds, no `Z`. */
export function dciTimestamp(date: Date): string {
  return `${date.toISOString().slice(0, -1)}000`;
}

/** A fresh DCI etag: the MD5 hex of a random UUID. */
export function newEtag(): string {
  return createHash('md5').update(randomUUID()).digest('hex');
}

/** A 64-character `[A-Za-z0-9]` API secret, like the server generates. */
export function newApiSecret(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return [...randomBytes(64)].map((byte) => alphabet[byte % alphabet.length]).join('');
}

/** In-memory state of one emulator: rows, links, passwords, file bytes. */
export class DciState {
  readonly tables: Record<TableName, Map<string, Row>>;
  /** `userId` → team ids. */
  readonly memberships = new Map<string, Set<string>>();
  /** `productId` → team ids with access. */
  readonly productTeams = new Map<string, Set<string>>();
  /** `topicId` → ids of the users notified of its jobs. */
  readonly topicSubscribers = new Map<string, Set<string>>();
  /** `teamId` → ids of the teams whose components it may see. */
  readonly componentPermissions = new Map<string, Set<string>>();
  /** Unguessable download tokens of v2 presigned URLs → the file and when the URL expires. */
  readonly presigned = new Map<
    string,
    { table: 'files' | 'component_files'; id: string; expiresAt: number }
  >();
  /** The feed of jobs entering a final status, oldest first, `id` being the sequence number. */
  readonly jobsEvents: {
    id: number;
    job_id: string;
    topic_id: string;
    status: string;
    created_at: string;
  }[] = [];
  /** The consumer's position in {@link jobsEvents}, with its own etag. */
  jobsEventsSequence = { sequence: 0, etag: newEtag() };
  /** `remoteciId` → ids of the users attached to it. */
  readonly remoteciUsers = new Map<string, Set<string>>();
  /** `jobId` → component ids. */
  readonly jobComponents = new Map<string, string[]>();
  /** `jobId` → key/value metrics. */
  readonly jobKeyValues = new Map<string, Map<string, number>>();
  /** `userId` → password (plain: this is a test double). */
  readonly passwords = new Map<string, string>();
  /** SSO bearer tokens → their user and expiry (ms since epoch; none for the seeded token). */
  readonly ssoTokens = new Map<string, { userId: string; expiresAt?: number }>();
  /** File id → bytes. */
  readonly contents = new Map<string, Buffer>();
  /** Parsed JUnit results by file id. */
  readonly junit = new Map<string, ParsedJunit>();

  constructor(readonly clock: () => Date) {
    this.tables = Object.fromEntries(TABLES.map((name) => [name, new Map<string, Row>()])) as Record<
      TableName,
      Map<string, Row>
    >;
  }

  /** Inserts a row with fresh id (unless given), timestamps and etag. */
  insert(table: TableName, fields: Record<string, unknown>): Row {
    const now = dciTimestamp(this.clock());
    const row: Row = {
      id: randomUUID(),
      created_at: now,
      updated_at: now,
      etag: newEtag(),
      state: 'active',
      ...fields,
    } as Row;
    this.tables[table].set(row.id, row);
    return row;
  }

  /** A visible (non-archived) row, or undefined. */
  find(table: TableName, id: string): Row | undefined {
    const row = this.tables[table].get(id);
    return row && row.state !== 'archived' ? row : undefined;
  }

  /** Every visible row of `table`, in insertion order. */
  rows(table: TableName): Row[] {
    return [...this.tables[table].values()].filter((row) => row.state !== 'archived');
  }

  /** Records a change: new etag and updated_at. */
  touch(row: Row): Row {
    row.etag = newEtag();
    row.updated_at = dciTimestamp(this.clock());
    return row;
  }

  /** Team ids of a user. */
  teamsOf(userId: string): Set<string> {
    let teams = this.memberships.get(userId);
    if (!teams) {
      teams = new Set();
      this.memberships.set(userId, teams);
    }
    return teams;
  }

  /** Empties every table and link. */
  clear(): void {
    for (const table of TABLES) this.tables[table].clear();
    for (const map of [
      this.memberships,
      this.productTeams,
      this.remoteciUsers,
      this.topicSubscribers,
      this.componentPermissions,
      this.presigned,
      this.jobComponents,
      this.jobKeyValues,
      this.passwords,
      this.ssoTokens,
      this.contents,
      this.junit,
    ]) {
      map.clear();
    }
    this.jobsEvents.length = 0;
    this.jobsEventsSequence = { sequence: 0, etag: newEtag() };
  }
}
