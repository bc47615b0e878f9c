import type { CallOptions, SmartdcContext } from '../context.js';
import { machineKeyValues } from './machine-key-values.js';

/** Machine metadata (customer_metadata). */
export function metadataResource(context: SmartdcContext) {
  const metadata = machineKeyValues<string>(context, 'metadata');
  return {
    list: metadata.list,
    /** One value, as the raw string (asked for as text/plain). */
    get: metadata.get,
    /** Merges `values` into the metadata; answers the whole resulting set. */
    update: (machineId: string, values: Record<string, string>, options: CallOptions = {}) =>
      metadata.write('POST', 'update', machineId, values, options),
    delete: metadata.delete,
    deleteAll: metadata.deleteAll,
  };
}

export type MetadataResource = ReturnType<typeof metadataResource>;
