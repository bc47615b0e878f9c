import type { Router } from '@nimbus-sdk/core/testing';
import { z } from 'zod';
import { seesAll } from '../caller.js';
import { notAuthorized } from '../dci-error.js';
import { type RouteContext, registerResource } from '../resource-routes.js';
import { state } from './fields.js';

const createSchema = z
  .object({
    name: z.string().min(1),
    country: z.string().optional(),
    state: state.optional(),
    external: z.boolean().optional(),
    has_pre_release_access: z.boolean().optional(),
  })
  .strict();

/** `/teams`: admin/EPM create; a stale etag answers 409. */
export function registerTeams(router: Router, context: RouteContext): void {
  registerResource(router, context, {
    table: 'teams',
    singular: 'team',
    plural: 'teams',
    columns: [
      'id',
      'name',
      'country',
      'state',
      'external',
      'has_pre_release_access',
      'created_at',
      'updated_at',
      'etag',
    ],
    createSchema,
    updateSchema: createSchema.partial().strict(),
    staleUpdate: 409,
    staleDelete: 409,
    etagHeader: true,
    uniqueName: true,
    visible: (caller, row) => seesAll(caller) || caller.teamIds.has(row.id),
    authorizeCreate: (caller) => {
      if (!caller.superAdmin && !caller.epm) throw notAuthorized();
    },
    canWrite: (caller) => caller.superAdmin || caller.epm,
    defaults: () => ({ country: null, external: true, has_pre_release_access: false }),
  });
}
