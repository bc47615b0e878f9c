import { joinPath } from '@nimbus-sdk/core';
import { lazySchema, parseInput } from '@nimbus-sdk/core/provider';
import { z } from 'zod';
import type { CallOptions, DciContext } from '../context.js';
import { lazyCollectionSpec } from './collection.js';
import { PurgeableCollection } from './purgeable-collection.js';
import { type DciRecord, dciId, stateSchema } from './record.js';
import type { User } from './users.js';

/** A DCI team: the owner of remotecis, feeders, jobs and users' memberships. */
export interface Team extends DciRecord {
  name: string;
  country: string | null;
  external: boolean;
  has_pre_release_access: boolean;
}

const createSchema = lazySchema(() =>
  z
    .object({
      name: z.string().min(1, 'name is required'),
      country: z.string().optional(),
      external: z.boolean().optional(),
      has_pre_release_access: z.boolean().optional(),
      state: stateSchema.optional(),
    })
    .strict(),
);
const updateSchema = lazySchema(() => createSchema().partial().strict());

export type TeamCreate = z.input<ReturnType<typeof createSchema>>;
export type TeamUpdate = z.input<ReturnType<typeof updateSchema>>;

/** `/teams` (create needs an admin or EPM; a stale ETag answers 409). */
export class Teams extends PurgeableCollection<Team, TeamCreate, TeamUpdate> {
  constructor(context: DciContext) {
    super(
      context,
      lazyCollectionSpec({ path: '/teams', singular: 'team', plural: 'teams' }, createSchema, updateSchema),
    );
  }

  /** The team's members. */
  async users(teamId: string, options: CallOptions = {}): Promise<User[]> {
    const { data } = await this.context.transport.send<{ users: User[] }>({
      method: 'GET',
      path: joinPath('teams', { teamId: this.checkId(teamId) }, 'users'),
      signal: options.signal,
    });
    return data.users;
  }

  /** Makes `userId` a member of the team (EPM or super admin). */
  async addUser(teamId: string, userId: string, options: CallOptions = {}): Promise<void> {
    await this.context.transport.send({
      method: 'POST',
      path: joinPath('teams', { teamId: this.checkId(teamId) }, 'users', {
        userId: parseInput(dciId, userId, 'user id'),
      }),
      signal: options.signal,
    });
  }

  /** Removes `userId` from the team. */
  async removeUser(teamId: string, userId: string, options: CallOptions = {}): Promise<void> {
    await this.context.transport.send({
      method: 'DELETE',
      path: joinPath('teams', { teamId: this.checkId(teamId) }, 'users', {
        userId: parseInput(dciId, userId, 'user id'),
      }),
      responseType: 'none',
      signal: options.signal,
    });
  }
}
