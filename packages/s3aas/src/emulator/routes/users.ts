import type { Router } from '@nimbus-sdk/core/testing';
import type { FieldRules } from '../field-rules.js';
import { parentInstance } from '../parents.js';
import { instancePathOf, resolvePath } from '../relationships.js';
import { registerResource } from '../rest-routes.js';
import { dropUserChildren, type EmulatorServices } from '../services.js';

/** `.../instances/<i>/users/`: logical users; deleting one deletes its keys and attachments. */
export function registerUsers(router: Router, services: EmulatorServices): void {
  const { state } = services;
  const rules: FieldRules = {
    uuid: { access: 'model-ro', type: { kind: 'uuid' } },
    name: { access: 'model-ro', type: { kind: 'string', min: 1, max: 255 }, required: true },
    description: { access: 'rw', type: { kind: 'string' } },
    project_id: { access: 'model-ro', type: { kind: 'uuid' } },
    instance: {
      access: 'model-ro',
      type: { kind: 'relationship', resolve: (path) => resolvePath(state, path) },
    },
    status: { access: 'ro', type: { kind: 'string' } },
    created_at: { access: 'ro', type: { kind: 'string' } },
    updated_at: { access: 'ro', type: { kind: 'string' } },
  };
  registerResource(router, services, {
    family: 'users',
    permission: 'user',
    rules,
    collection: '/v1/types/s3/instances/:instance/users/',
    scope(request, caller) {
      const instance = parentInstance(state, request, caller);
      return {
        match: { instance: instancePathOf(instance.uuid) },
        defaults: { project_id: instance.project_id, description: '' },
        touch: [instance],
      };
    },
    generate(row) {
      row.status = 'ACTIVE';
    },
    afterDelete(row) {
      dropUserChildren(services, row);
    },
  });
}
