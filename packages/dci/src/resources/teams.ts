import { z } from 'zod';
import { Collection } from './collection.js';
import { type DciContext, type DciRecord, stateSchema } from './record.js';

/** A DCI team: the owner of remotecis, feeders, jobs and users' memberships. */
export interface Team extends DciRecord {
  name: string;
  country: string | null;
  external: boolean;
  has_pre_release_access: boolean;
}

const createSchema = z
  .object({
    name: z.string().min(1, 'name is required'),
    country: z.string().optional(),
    external: z.boolean().optional(),
    has_pre_release_access: z.boolean().optional(),
    state: stateSchema.optional(),
  })
  .strict();
const updateSchema = createSchema.partial().strict();

export type TeamCreate = z.input<typeof createSchema>;
export type TeamUpdate = z.input<typeof updateSchema>;

/** `/teams` (create needs an admin or EPM; a stale ETag answers 409). */
export class Teams extends Collection<Team, TeamCreate, TeamUpdate> {
  constructor(context: DciContext) {
    super(context, { path: '/teams', singular: 'team', plural: 'teams', createSchema, updateSchema });
  }
}
