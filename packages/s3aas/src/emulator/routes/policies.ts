import type { Router } from '@nimbus-sdk/core/testing';
import type { FieldRules } from '../field-rules.js';
import { parentInstance } from '../parents.js';
import { childPathOf, instancePathOf, lastId, resolvePath } from '../relationships.js';
import { registerResource } from '../rest-routes.js';
import { type EmulatorServices, resyncUser } from '../services.js';
import type { Row } from '../state.js';

/** `.../instances/<i>/policies/`: content changes reach every attached user's keys. */
export function registerPolicies(router: Router, services: EmulatorServices): void {
  const { state } = services;
  const rules: FieldRules = {
    uuid: { access: 'model-ro', type: { kind: 'uuid' } },
    name: { access: 'rw', type: { kind: 'string', min: 1, max: 255 }, required: true },
    description: { access: 'rw', type: { kind: 'string' } },
    project_id: { access: 'model-ro', type: { kind: 'uuid' } },
    instance: {
      access: 'model-ro',
      type: { kind: 'relationship', resolve: (path) => resolvePath(state, path) },
    },
    content: { access: 'rw', type: { kind: 'object' }, required: true },
    status: { access: 'ro', type: { kind: 'string' } },
    created_at: { access: 'ro', type: { kind: 'string' } },
    updated_at: { access: 'ro', type: { kind: 'string' } },
  };
  const attachedUsers = (policy: Row): Row[] => {
    const path = childPathOf(lastId(policy.instance), 'policies', policy.uuid);
    const users = new Map<string, Row>();
    for (const attachment of state.rows.attachments.values()) {
      if (attachment.policy !== path) continue;
      const user = state.rows.users.get(lastId(attachment.user));
      if (user) users.set(user.uuid, user);
    }
    return [...users.values()];
  };
  registerResource(router, services, {
    family: 'policies',
    permission: 'policy',
    rules,
    collection: '/v1/types/s3/instances/:instance/policies/',
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
    afterUpdate(row, previous) {
      if (JSON.stringify(row.content) === JSON.stringify(previous.content)) return;
      for (const user of attachedUsers(row)) resyncUser(services, user);
    },
    afterDelete(row) {
      const users = attachedUsers(row);
      const path = childPathOf(lastId(row.instance), 'policies', row.uuid);
      for (const attachment of [...state.rows.attachments.values()]) {
        if (attachment.policy === path) state.rows.attachments.delete(attachment.uuid);
      }
      for (const user of users) resyncUser(services, user);
    },
  });
}
