import { joinPath } from '@nimbus-sdk/core';
import { lazySchema } from '@nimbus-sdk/core/provider';
import { z } from 'zod';
import type { CallOptions, DciContext } from '../context.js';
import { lazyCollectionSpec } from './collection.js';
import { PurgeableCollection } from './purgeable-collection.js';
import { type DciRecord, stateSchema } from './record.js';
import type { Team } from './teams.js';

/** A DCI user. The password is never returned. */
export interface User extends DciRecord {
  name: string;
  fullname: string | null;
  email: string | null;
  sso_username: string | null;
  timezone: string;
}

const base = lazySchema(() => ({
  name: z.string().min(1, 'name is required'),
  fullname: z.string().optional(),
  email: z.email('email must be an email address').optional(),
  sso_username: z.string().min(1).optional(),
  password: z.string().min(1).optional(),
  timezone: z.string().optional(),
  state: stateSchema.optional(),
}));
const createSchema = lazySchema(() =>
  z
    .object(base())
    .strict()
    .refine((user) => user.email !== undefined || user.sso_username !== undefined, {
      message: 'a user needs an email or an sso_username',
      path: ['email'],
    }),
);
const updateSchema = lazySchema(() => z.object(base()).partial().strict());

export type UserCreate = z.input<ReturnType<typeof createSchema>>;
export type UserUpdate = z.input<ReturnType<typeof updateSchema>>;

/** `/users` (admin or EPM; a stale ETag answers 409). */
export class Users extends PurgeableCollection<User, UserCreate, UserUpdate> {
  constructor(context: DciContext) {
    super(
      context,
      lazyCollectionSpec({ path: '/users', singular: 'user', plural: 'users' }, createSchema, updateSchema),
    );
  }

  /** The teams the user belongs to. */
  async teams(userId: string, options: CallOptions = {}): Promise<Team[]> {
    const { data } = await this.context.transport.send<{ teams: Team[] }>({
      method: 'GET',
      path: joinPath('users', { userId: this.checkId(userId) }, 'teams'),
      signal: options.signal,
    });
    return data.teams;
  }
}
