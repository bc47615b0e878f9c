import type { EmulatorRequest } from '@nimbus-sdk/core/testing';
import { GENERIC_CODE, iamError, policyNotAuthorized, restError } from './errors.js';
import type { EmulatorState, IamUser } from './state.js';

/** Who is calling: an IAM user and the project the token is scoped to, or nobody. */
export interface Caller {
  user?: IamUser;
  projectId: string | null;
  permissions: string[];
}

/** Reads the bearer token: none → anonymous (no permissions, not a 401); bad or expired → 401. */
export function callerOf(request: EmulatorRequest, state: EmulatorState, now: number): Caller {
  const header = request.headers.authorization;
  if (!header) return { projectId: null, permissions: [] };
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  const token = match ? state.tokens.get(match[1] as string) : undefined;
  if (token?.kind !== 'access') throw iamError(401, 'invalid_token', 'Invalid token');
  if (token.expiresAt <= now) throw iamError(401, 'invalid_token', 'Token is expired');
  const user = state.iamUsers.get(token.user);
  if (!user) throw iamError(401, 'invalid_token', 'Token owner does not exist');
  const permissions = [
    ...(user.permissions['*'] ?? []),
    ...(token.projectId ? (user.permissions[token.projectId] ?? []) : []),
  ];
  return { user, projectId: token.projectId, permissions };
}

/** `service.resource.action` with `*` at any level. */
export function allows(permissions: readonly string[], rule: string): boolean {
  const wanted = rule.split('.');
  return permissions.some((permission) => {
    const parts = permission.split('.');
    return parts.length === wanted.length && parts.every((part, i) => part === '*' || part === wanted[i]);
  });
}

/** Answers 403 PolicyNotAuthorized unless the caller holds `exordos_s3.<resource>.<action>`. */
export function requirePermission(
  caller: Caller,
  resource: string,
  action: 'create' | 'read' | 'update' | 'delete',
): void {
  const rule = `exordos_s3.${resource}.${action}`;
  if (!allows(caller.permissions, rule)) throw policyNotAuthorized(rule);
}

/**
 * A project-scoped token sees only its project; a `project_id` that differs is refused with 403
 * Forbidden. Unscoped tokens (admins) see every project.
 */
export function checkProject(caller: Caller, projectId: unknown): void {
  if (caller.projectId && projectId !== undefined && projectId !== caller.projectId) {
    throw restError(
      403,
      'Forbidden',
      `Project ${String(projectId)} is not the token's project`,
      GENERIC_CODE,
    );
  }
}
