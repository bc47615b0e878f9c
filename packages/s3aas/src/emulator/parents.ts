import type { EmulatorRequest } from '@nimbus-sdk/core/testing';
import { type Caller, requirePermission } from './auth.js';
import { restError } from './errors.js';
import { instancePathOf } from './relationships.js';
import { checkUuid } from './rest-routes.js';
import type { EmulatorState, Row } from './state.js';

/** Whether a caller's token project may see this instance (unscoped admin tokens see all). */
export function instanceVisible(row: Row, caller: Caller): boolean {
  return !caller.projectId || row.project_id === caller.projectId;
}

/** The instance of the URL, read with the caller's permission; 404 when missing or another project's. */
export function parentInstance(state: EmulatorState, request: EmulatorRequest, caller: Caller): Row {
  requirePermission(caller, 's3_instance', 'read');
  const id = checkUuid(request.params.instance);
  const row = state.rows.instances.get(id);
  if (!row || !instanceVisible(row, caller))
    throw restError(404, 'RecordNotFound', `Can't found record in instances with uuid=${id}`);
  return row;
}

/** The user of the URL under its instance; 404 when missing. */
export function parentUser(
  state: EmulatorState,
  request: EmulatorRequest,
  caller: Caller,
): { instance: Row; user: Row } {
  const instance = parentInstance(state, request, caller);
  requirePermission(caller, 'user', 'read');
  const id = checkUuid(request.params.user);
  const user = state.rows.users.get(id);
  if (!user || user.instance !== instancePathOf(instance.uuid)) {
    throw restError(404, 'RecordNotFound', `Can't found record in users with uuid=${id}`);
  }
  return { instance, user };
}
