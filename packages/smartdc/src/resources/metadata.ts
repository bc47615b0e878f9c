import type { CallOptions, SmartdcContext } from '../context.js';
import { MachineKeyValues } from './machine-key-values.js';

/** Machine metadata (customer_metadata). */
export class MetadataResource extends MachineKeyValues<string> {
  constructor(context: SmartdcContext) {
    super(context, 'metadata');
  }

  /** Merges `values` into the metadata; answers the whole resulting set. */
  update(
    machineId: string,
    values: Record<string, string>,
    options: CallOptions = {},
  ): Promise<Record<string, string>> {
    return this.write('POST', 'update', machineId, values, options);
  }
}
