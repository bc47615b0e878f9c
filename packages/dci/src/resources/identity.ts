import type { CallOptions, DciContext } from '../context.js';
import { unwrap } from './collection.js';

/** Who the credentials belong to. For a remoteci or feeder, `name`, `email` and `etag` are null. */
export interface Identity {
  id: string;
  etag: string | null;
  name: string | null;
  fullname: string | null;
  email: string | null;
  timezone: string | null;
  /** Keyed by team id. */
  teams: Record<
    string,
    { id?: string; name?: string; team_name?: string; state?: string; has_pre_release_access: boolean }
  >;
}

/** `GET /identity`: the "am I authenticated" probe. */
export async function getIdentity(context: DciContext, options: CallOptions = {}): Promise<Identity> {
  const { data } = await context.transport.send({ method: 'GET', path: '/identity', signal: options.signal });
  return unwrap<Identity>(data, 'identity');
}
