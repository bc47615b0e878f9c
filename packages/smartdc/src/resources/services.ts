import { accountPath, type CallOptions, type SmartdcContext } from '../context.js';
import type { ServiceMap } from '../types.js';

/** ListServices. */
export class ServicesResource {
  constructor(private readonly context: SmartdcContext) {}

  /** Service name → URL (`cloudapi`, `docker`, `manta`). */
  async list(options: CallOptions = {}): Promise<ServiceMap> {
    return (
      await this.context.transport.send<ServiceMap>({
        method: 'GET',
        path: accountPath(this.context, 'services'),
        ...options,
      })
    ).data;
  }
}
