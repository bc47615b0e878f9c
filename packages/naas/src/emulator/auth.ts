import { type EmulatorRequest, verifyBearer } from '@nimbus-sdk/core/testing';
import { naasErrors } from './errors.js';
import type { NaasState, UserState } from './state.js';

/**
 * The API's bearer check: a missing header is FastAPI's `403`-free `401 {"detail": "Not
 * authenticated"}`, an unknown token `401 {"detail": "Invalid token"}`.
 */
export async function caller(request: EmulatorRequest, state: NaasState): Promise<UserState> {
  const result = await verifyBearer(request, {
    check: (token) => {
      const id = state.tokens.get(token);
      return id ? { ok: true, principal: id } : { ok: false, kind: 'invalid' };
    },
  });
  if (!result.ok) {
    throw naasErrors.detail(401, result.kind === 'missing' ? 'Not authenticated' : 'Invalid token');
  }
  return state.user(result.principal);
}
