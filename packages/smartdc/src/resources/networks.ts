import { accountPath, type CallOptions, type SmartdcContext } from '../context.js';
import { requireText } from '../input-checks.js';
import type { Network } from '../types.js';

/** Networks and network pools. */
export class NetworksResource {
  constructor(private readonly context: SmartdcContext) {}

  async list(options: CallOptions = {}): Promise<Network[]> {
    return (
      await this.context.transport.send<Network[]>({
        method: 'GET',
        path: accountPath(this.context, 'networks'),
        ...options,
      })
    ).data;
  }
  async get(id: string, options: CallOptions = {}): Promise<Network> {
    return (
      await this.context.transport.send<Network>({
        method: 'GET',
        path: accountPath(this.context, 'networks', { id: requireText('networks.get', 'id', id) }),
        ...options,
      })
    ).data;
  }
}
