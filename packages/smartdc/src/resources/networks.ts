import { accountPath, type CallOptions, type CloudApiContext } from '../cloudapi-context.js';
import { requireText } from '../input-checks.js';
import type { Network } from '../types.js';

/** Networks and network pools. */
export function networksResource(context: CloudApiContext) {
  return {
    async list(options: CallOptions = {}): Promise<Network[]> {
      return (
        await context.transport.send<Network[]>({
          method: 'GET',
          path: accountPath(context, 'networks'),
          ...options,
        })
      ).data;
    },
    async get(id: string, options: CallOptions = {}): Promise<Network> {
      return (
        await context.transport.send<Network>({
          method: 'GET',
          path: accountPath(context, 'networks', { id: requireText('networks.get', 'id', id) }),
          ...options,
        })
      ).data;
    },
  };
}

export type NetworksResource = ReturnType<typeof networksResource>;
