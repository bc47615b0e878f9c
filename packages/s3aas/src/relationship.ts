import { ValidationError } from '@nimbus-sdk/core';
import { encodePathSegment, S3_ROOT } from './context.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a uuid in its 8-4-4-4-12 form. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** `/v1/types/s3/versions/<uuid>` from a uuid or from that path itself. */
export function versionPath(version: string): string {
  return relationshipPath(version, `${S3_ROOT}/versions/`, 'version');
}

/** `/v1/types/s3/instances/<uuid>`. */
export function instancePath(instance: string): string {
  return relationshipPath(instance, `${S3_ROOT}/instances/`, 'instance');
}

/** `/v1/types/s3/instances/<i>/policies/<uuid>` from a policy uuid or its path. */
export function policyPath(instance: string, policy: string): string {
  return relationshipPath(policy, `${instancePath(instance)}/policies/`, 'policy');
}

/** `/v1/types/s3/instances/<i>/users/<uuid>`. */
export function userPath(instance: string, user: string): string {
  return relationshipPath(user, `${instancePath(instance)}/users/`, 'user');
}

/**
 * The id at the end of a relationship path as the server returns it
 * (`/v1/types/s3/instances/<i>/policies/<p>` → `<p>`).
 */
export function idOfPath(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function relationshipPath(value: string, prefix: string, what: string): string {
  if (typeof value === 'string' && value.startsWith(prefix)) {
    const id = value.slice(prefix.length);
    encodePathSegment(id, what);
    return value;
  }
  if (typeof value === 'string' && value.startsWith('/')) {
    throw new ValidationError(
      `${what} must be a uuid or a path under ${prefix}, got ${JSON.stringify(value)}`,
      [{ path: what, message: `use a uuid or ${prefix}<uuid>` }],
    );
  }
  return `${prefix}${encodePathSegment(value, what)}`;
}
