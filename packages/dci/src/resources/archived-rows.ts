import { joinPath } from '@nimbus-sdk/core';
import type { CallOptions, DciContext } from '../context.js';

/** The resources whose archived (soft-deleted) rows DCI can purge: `GET|POST /<resource>/purge`. */
export const PURGEABLE_RESOURCES = [
  'components',
  'topics',
  'teams',
  'feeders',
  'remotecis',
  'jobs',
  'files',
  'users',
  'products',
] as const;

/** One of {@link PURGEABLE_RESOURCES}. */
export type PurgeableResource = (typeof PURGEABLE_RESOURCES)[number];

/** `GET /<resource>/purge`: every archived row, unpaged (super admin only). */
export async function listArchived<T>(
  context: DciContext,
  resource: PurgeableResource,
  options: CallOptions = {},
): Promise<T[]> {
  const { data } = await context.transport.send<Record<string, unknown>>({
    method: 'GET',
    path: joinPath(resource, 'purge'),
    signal: options.signal,
  });
  const rows = data[resource];
  return Array.isArray(rows) ? (rows as T[]) : [];
}

/**
 * `POST /<resource>/purge`: removes every row archived at the time of the call, for good (super
 * admin only). Not retried: the server removes whatever is archived then, which a retry could widen.
 */
export async function purgeArchived(
  context: DciContext,
  resource: PurgeableResource,
  options: CallOptions = {},
): Promise<void> {
  await context.transport.send({
    method: 'POST',
    path: joinPath(resource, 'purge'),
    responseType: 'none',
    signal: options.signal,
  });
}
