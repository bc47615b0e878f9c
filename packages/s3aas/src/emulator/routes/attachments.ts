import type { Router } from '@nimbus-sdk/core/testing';
import { restError } from '../errors.js';
import type { FieldRules } from '../field-rules.js';
import { parentUser } from '../parents.js';
import { childPathOf, lastId, resolvePath } from '../relationships.js';
import { registerResource } from '../rest-routes.js';
import { type EmulatorServices, resyncUser } from '../services.js';

/** `.../users/<u>/policies/`: attaching a policy gives the user's keys its permissions on RGW. */
export function registerAttachments(router: Router, services: EmulatorServices): void {
  const { state } = services;
  const rules: FieldRules = {
    uuid: { access: 'model-ro', type: { kind: 'uuid' } },
    name: { access: 'rw', type: { kind: 'string', max: 255 } },
    description: { access: 'rw', type: { kind: 'string' } },
    project_id: { access: 'model-ro', type: { kind: 'uuid' } },
    instance: {
      access: 'model-ro',
      type: { kind: 'relationship', resolve: (path) => resolvePath(state, path) },
      required: true,
    },
    user: { access: 'model-ro', type: { kind: 'relationship', resolve: (path) => resolvePath(state, path) } },
    policy: {
      access: 'rw',
      type: {
        kind: 'relationship',
        resolve: (path) => (path.includes('/policies/') ? resolvePath(state, path) : undefined),
      },
      required: true,
    },
    created_at: { access: 'ro', type: { kind: 'string' } },
    updated_at: { access: 'ro', type: { kind: 'string' } },
  };
  registerResource(router, services, {
    family: 'attachments',
    permission: 'policy',
    rules,
    collection: '/v1/types/s3/instances/:instance/users/:user/policies/',
    scope(request, caller) {
      const { instance, user } = parentUser(state, request, caller);
      return {
        match: { user: childPathOf(instance.uuid, 'users', user.uuid) },
        defaults: { project_id: user.project_id, name: '', description: '' },
        touch: [instance],
      };
    },
    unique(row) {
      for (const other of state.rows.attachments.values()) {
        if (other.uuid !== row.uuid && other.user === row.user && other.policy === row.policy) {
          throw restError(
            409,
            'ConflictRecords',
            `Duplicate records: policy ${lastId(row.policy)} is already attached to user ${lastId(row.user)}`,
          );
        }
      }
    },
    afterCreate: (row) => resyncUser(services, state.rows.users.get(lastId(row.user))),
    afterUpdate: (row) => resyncUser(services, state.rows.users.get(lastId(row.user))),
    afterDelete: (row) => resyncUser(services, state.rows.users.get(lastId(row.user))),
  });
}
