import { accountPath, type CallOptions, type SmartdcContext } from '../context.js';
import type { DatacenterMap } from '../types.js';

/** ListDatacenters. Switching datacenter is `client.inDatacenter(name)`. */
export class DatacentersResource {
  constructor(private readonly context: SmartdcContext) {}

  /** Datacenter name → CloudAPI URL. */
  async list(options: CallOptions = {}): Promise<DatacenterMap> {
    return (
      await this.context.transport.send<DatacenterMap>({
        method: 'GET',
        path: accountPath(this.context, 'datacenters'),
        ...options,
      })
    ).data;
  }
}
