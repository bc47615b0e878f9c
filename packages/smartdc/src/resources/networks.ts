import { accountPath, type CallOptions, type SmartdcContext } from '../context.js';
import { requireText } from '../input-checks.js';
import type { Network } from '../types.js';

/** Networks and network pools. */
export function networksResource(context: SmartdcContext) {
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
          path: accountPath(context, 'networks', requireText('networks.get', 'id', id)),
          ...options,
        })
      ).data;
    },
  };
}

export type NetworksResource = ReturnType<typeof networksResource>;
