import type { Router } from '@nimbus-sdk/core/testing';
import { requirePermission } from '../auth.js';
import { restError } from '../errors.js';
import { type FieldRules, serialize } from '../field-rules.js';
import { listRows } from '../list-rows.js';
import { checkUuid, type RestContext } from '../rest-routes.js';

const rules: FieldRules = {
  uuid: { access: 'model-ro', type: { kind: 'uuid' } },
  name: { access: 'rw', type: { kind: 'string', max: 255 } },
  description: { access: 'rw', type: { kind: 'string' } },
  image: { access: 'rw', type: { kind: 'string', max: 2048 } },
  created_at: { access: 'ro', type: { kind: 'string' } },
  updated_at: { access: 'ro', type: { kind: 'string' } },
};

/** `/v1/types/s3/versions/`: the global, read-only catalog of data-plane images. */
export function registerVersions(router: Router, context: RestContext): void {
  router.get('/v1/types/s3/versions/', (request) => {
    requirePermission(context.caller(request), 's3_version', 'read');
    const list = listRows(request, rules, context.state.rows.versions.values());
    return {
      status: 200,
      headers: list.headers,
      body: list.rows.map((row) => serialize(rules, row, list.fields)),
    };
  });
  router.get('/v1/types/s3/versions/:id', (request) => {
    requirePermission(context.caller(request), 's3_version', 'read');
    const id = checkUuid(request.params.id);
    const row = context.state.rows.versions.get(id);
    if (!row) throw restError(404, 'RecordNotFound', `Can't found record in versions with uuid=${id}`);
    return { status: 200, body: serialize(rules, row) };
  });
}
