import { randomBytes } from 'node:crypto';
import type { Router } from '@nimbus-sdk/core/testing';
import { GENERIC_CODE, restError } from '../errors.js';
import type { FieldRules } from '../field-rules.js';
import { instanceVisible } from '../parents.js';
import { instancePathOf, resolvePath } from '../relationships.js';
import { registerResource } from '../rest-routes.js';
import { dropUserChildren, type EmulatorServices } from '../services.js';
import type { Row } from '../state.js';

const MAX_INT = 1_073_741_824;

/** `/v1/types/s3/instances/`: the status machine, model validations and the cascade on delete. */
export function registerInstances(router: Router, services: EmulatorServices): void {
  const { state } = services;
  const rules: FieldRules = {
    uuid: { access: 'model-ro', type: { kind: 'uuid' } },
    name: { access: 'rw', type: { kind: 'string', min: 1, max: 255 } },
    description: { access: 'rw', type: { kind: 'string', max: 255 } },
    project_id: { access: 'model-ro', type: { kind: 'uuid' } },
    status: { access: 'ro', type: { kind: 'string' } },
    ipsv4: { access: 'ro', type: { kind: 'ipv4-list' } },
    cpu: { access: 'rw', type: { kind: 'int', min: 1, max: 128 }, required: true },
    ram: { access: 'rw', type: { kind: 'int', min: 512, max: MAX_INT }, required: true },
    disk_size: { access: 'rw', type: { kind: 'int', min: 8, max: MAX_INT }, required: true },
    nodes_number: { access: 'rw', type: { kind: 'int', min: 1, max: 16 }, required: true },
    kind: { access: 'ro', type: { kind: 'string' } },
    root_secret: { access: 'hidden', type: { kind: 'string' } },
    version: {
      access: 'model-ro',
      type: {
        kind: 'relationship',
        resolve: (path) => (path.startsWith('/v1/types/s3/versions/') ? resolvePath(state, path) : undefined),
      },
      required: true,
    },
    created_at: { access: 'ro', type: { kind: 'string' } },
    updated_at: { access: 'ro', type: { kind: 'string' } },
  };
  registerResource(router, services, {
    family: 'instances',
    permission: 's3_instance',
    rules,
    collection: '/v1/types/s3/instances/',
    scope: (_request, caller) => ({
      match: {},
      defaults: { project_id: caller.projectId ?? caller.user?.projectId, description: '' },
      touch: [],
    }),
    visible: instanceVisible,
    view: (row) => withStatus(services, row),
    generate(row) {
      const secret = randomBytes(24).toString('hex');
      row.status = 'NEW';
      row.ipsv4 = [];
      row.kind = 'single_node';
      row.root_secret = secret;
      state.rootSecrets.set(row.uuid, secret);
      state.bornAt.set(row.uuid, services.now().getTime());
    },
    validate(row, previous) {
      if (row.name === undefined || row.name === null) {
        // The snapshot lets the database refuse it, and the error quotes the whole row.
        throw restError(
          500,
          'UnknownStorageException',
          `null value in column "name" of relation "s3_instances" violates not-null constraint DETAIL: Failing row contains (${row.uuid}, null, ${String(row.project_id)}, NEW, ${String(row.root_secret)}, single_node).`,
          GENERIC_CODE,
        );
      }
      if (row.nodes_number !== 1)
        throw restError(500, 'ValueError', 'single_node kind requires nodes_number=1', GENERIC_CODE);
      if (previous && (row.disk_size as number) < (previous.disk_size as number)) {
        throw restError(500, 'ValueError', 'disk_size shrink is not supported yet', GENERIC_CODE);
      }
    },
    afterDelete(row) {
      const path = instancePathOf(row.uuid);
      const { rows } = state;
      for (const user of [...rows.users.values()]) {
        if (user.instance !== path) continue;
        dropUserChildren(services, user);
        rows.users.delete(user.uuid);
      }
      for (const bucket of [...rows.buckets.values()]) {
        if (bucket.instance !== path) continue;
        rows.buckets.delete(bucket.uuid);
        services.dataPlane.bucketDeleted(bucket.name as string);
      }
      for (const policy of [...rows.policies.values()])
        if (policy.instance === path) rows.policies.delete(policy.uuid);
      state.rootSecrets.delete(row.uuid);
      state.bornAt.delete(row.uuid);
      state.forcedStatus.delete(row.uuid);
      services.dataPlane.instanceDeleted(row.uuid);
    },
  });
}

/** NEW → IN_PROGRESS (addresses known) → ACTIVE on the emulator clock, unless a status was forced. */
function withStatus(services: EmulatorServices, row: Row): Row {
  const forced = services.state.forcedStatus.get(row.uuid);
  const born = services.state.bornAt.get(row.uuid) ?? 0;
  const age = services.now().getTime() - born;
  const { provisioningMs, activationMs } = services.delays;
  const status =
    forced ?? (age < provisioningMs ? 'NEW' : age < provisioningMs + activationMs ? 'IN_PROGRESS' : 'ACTIVE');
  const ipsv4 = status === 'NEW' ? [] : [services.nodeAddress];
  return { ...row, status, ipsv4 };
}
