import { accountPath, type CallOptions, type SmartdcContext } from '../context.js';
import type { DatacenterMap, ServiceMap } from '../types.js';

/** ListDatacenters and ListServices. Switching datacenter is `client.inDatacenter(name)`. */
export function datacentersResource(context: SmartdcContext) {
  return {
    /** Datacenter name → CloudAPI URL. */
    async list(options: CallOptions = {}): Promise<DatacenterMap> {
      return (
        await context.transport.send<DatacenterMap>({
          method: 'GET',
          path: accountPath(context, 'datacenters'),
          ...options,
        })
      ).data;
    },
  };
}

/** ListServices. */
export function servicesResource(context: SmartdcContext) {
  return {
    /** Service name → URL (`cloudapi`, `docker`, `manta`). */
    async list(options: CallOptions = {}): Promise<ServiceMap> {
      return (
        await context.transport.send<ServiceMap>({
          method: 'GET',
          path: accountPath(context, 'services'),
          ...options,
        })
      ).data;
    },
  };
}

export type DatacentersResource = ReturnType<typeof datacentersResource>;
export type ServicesResource = ReturnType<typeof servicesResource>;
