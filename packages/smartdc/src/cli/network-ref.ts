import { NotFoundError, ValidationError } from '@nimbus-sdk/core';
import type { SmartdcClient } from '../client.js';
import { UUID } from '../input-checks.js';
import type { Network } from '../types.js';

/**
 * The network a CLI argument names, like node-triton: a UUID (GetNetwork), else an exact name,
 * else a unique id prefix such as the 8-character short id (one ListNetworks for both).
 */
export async function resolveNetwork(client: SmartdcClient, ref: string): Promise<Network> {
  if (UUID.test(ref)) return client.networks.get(ref);
  const networks = await client.networks.list();
  const byName = networks.filter((network) => network.name === ref);
  if (byName.length > 1) {
    throw new ValidationError(`"${ref}" names ${byName.length} networks; use an id`, [
      { path: 'network', message: byName.map((n) => n.id).join(', ') },
    ]);
  }
  if (byName[0]) return byName[0];
  const byPrefix = networks.filter((network) => network.id.startsWith(ref));
  if (byPrefix.length > 1) {
    throw new ValidationError(`"${ref}" is an ambiguous network id prefix; give more of the id`);
  }
  if (byPrefix[0]) return byPrefix[0];
  throw new NotFoundError(`no network with id, name or short id "${ref}"`, { status: 404 });
}
