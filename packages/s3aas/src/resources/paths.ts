import { encodePathSegment, S3_ROOT } from '../context.js';

/** `/v1/types/s3/instances/<i>/<child>/` (collections end in `/`, or the server answers 405). */
export function instanceChildren(instance: string, child: 'buckets' | 'policies' | 'users'): string {
  return `${S3_ROOT}/instances/${encodePathSegment(instance, 'instance id')}/${child}/`;
}

/** `/v1/types/s3/instances/<i>/users/<u>/<child>/`. */
export function userChildren(instance: string, user: string, child: 'keys' | 'policies'): string {
  return `${instanceChildren(instance, 'users')}${encodePathSegment(user, 'user id')}/${child}/`;
}
