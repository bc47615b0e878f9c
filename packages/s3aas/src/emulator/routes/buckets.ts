import type { Router } from '@nimbus-sdk/core/testing';
import type { FieldRules } from '../field-rules.js';
import { parentInstance } from '../parents.js';
import { instancePathOf, lastId, resolvePath } from '../relationships.js';
import { registerResource } from '../rest-routes.js';
import type { EmulatorServices } from '../services.js';

/** `.../instances/<i>/buckets/`: real RGW buckets once the data plane has synced. */
export function registerBuckets(router: Router, services: EmulatorServices): void {
  const { state } = services;
  const rules: FieldRules = {
    uuid: { access: 'model-ro', type: { kind: 'uuid' } },
    name: { access: 'model-ro', type: { kind: 'string', min: 3, max: 63 }, required: true },
    description: { access: 'rw', type: { kind: 'string' } },
    project_id: { access: 'model-ro', type: { kind: 'uuid' } },
    instance: {
      access: 'model-ro',
      type: { kind: 'relationship', resolve: (path) => resolvePath(state, path) },
    },
    status: { access: 'ro', type: { kind: 'string' } },
    versioning_enabled: { access: 'c', type: { kind: 'bool' } },
    object_lock_enabled: { access: 'c', type: { kind: 'bool' } },
    quota_bytes: { access: 'rw', type: { kind: 'int', min: 0, max: Number.MAX_SAFE_INTEGER } },
    public: { access: 'rw', type: { kind: 'bool' } },
    default_retention_mode: {
      access: 'rw',
      type: { kind: 'enum', values: ['GOVERNANCE', 'COMPLIANCE'], nullable: true },
    },
    default_retention_days: { access: 'rw', type: { kind: 'nullable-int', min: 1, max: 365_000 } },
    created_at: { access: 'ro', type: { kind: 'string' } },
    updated_at: { access: 'ro', type: { kind: 'string' } },
  };
  registerResource(router, services, {
    family: 'buckets',
    permission: 'bucket',
    rules,
    collection: '/v1/types/s3/instances/:instance/buckets/',
    scope(request, caller) {
      const instance = parentInstance(state, request, caller);
      return {
        match: { instance: instancePathOf(instance.uuid) },
        defaults: {
          project_id: instance.project_id,
          description: '',
          versioning_enabled: false,
          object_lock_enabled: false,
          quota_bytes: 0,
          public: false,
        },
        touch: [instance],
      };
    },
    generate(row) {
      row.status = 'ACTIVE';
    },
    afterCreate(row) {
      services.dataPlane.bucketCreated(lastId(row.instance), {
        name: row.name as string,
        versioning: row.versioning_enabled === true,
        public: row.public === true,
      });
    },
    afterUpdate(row, previous) {
      if (row.public !== previous.public) {
        services.dataPlane.bucketPublicChanged(lastId(row.instance), row.name as string, row.public === true);
      }
    },
    afterDelete(row) {
      services.dataPlane.bucketDeleted(row.name as string);
    },
  });
}
