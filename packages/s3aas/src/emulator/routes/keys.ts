import type { Router } from '@nimbus-sdk/core/testing';
import { alphanumeric } from '../data-plane/rgw-admin.js';
import { restError } from '../errors.js';
import type { FieldRules } from '../field-rules.js';
import { parentUser } from '../parents.js';
import { childPathOf, lastId, resolvePath } from '../relationships.js';
import { registerResource } from '../rest-routes.js';
import { type EmulatorServices, policiesOfUser } from '../services.js';

/** `.../users/<u>/keys/`: each key becomes an RGW user carrying its CP user's policies. */
export function registerKeys(router: Router, services: EmulatorServices): void {
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
    access_key: { access: 'ro', type: { kind: 'string' } },
    // Writable on create, never answered afterwards (kept outside the row).
    secret_key: { access: 'c', type: { kind: 'string', min: 10, max: 256 } },
    status: { access: 'ro', type: { kind: 'string' } },
    created_at: { access: 'ro', type: { kind: 'string' } },
    updated_at: { access: 'ro', type: { kind: 'string' } },
  };
  registerResource(router, services, {
    family: 'keys',
    permission: 'access_key',
    rules,
    collection: '/v1/types/s3/instances/:instance/users/:user/keys/',
    scope(request, caller) {
      const { instance, user } = parentUser(state, request, caller);
      return {
        match: { user: childPathOf(instance.uuid, 'users', user.uuid) },
        defaults: { project_id: user.project_id, name: '', description: '' },
        touch: [instance],
      };
    },
    generate(row) {
      const secret = typeof row.secret_key === 'string' ? row.secret_key : alphanumeric(40);
      delete row.secret_key;
      state.keySecrets.set(row.uuid, secret);
      row.access_key = alphanumeric(20).toUpperCase();
      row.status = 'ACTIVE';
    },
    unique(row) {
      for (const other of state.rows.keys.values()) {
        if (other.uuid !== row.uuid && other.access_key === row.access_key) {
          throw restError(409, 'ConflictRecords', `Duplicate records: access_key ${String(row.access_key)}`);
        }
      }
    },
    createAnswer: (row) => ({ secret_key: state.keySecrets.get(row.uuid) }),
    afterCreate(row) {
      const user = state.rows.users.get(lastId(row.user));
      services.dataPlane.keyCreated(
        row.access_key as string,
        state.keySecrets.get(row.uuid) as string,
        user ? policiesOfUser(services, user) : [],
      );
    },
    afterDelete(row) {
      state.keySecrets.delete(row.uuid);
      services.dataPlane.keyDeleted(row.access_key as string);
    },
  });
}
