import type { CallOptions, SmartdcContext } from '../context.js';
import { MachineKeyValues } from './machine-key-values.js';

/** A tag value as CloudAPI stores it. */
export type TagValue = string | number | boolean;

/** Machine tags. */
export class TagsResource extends MachineKeyValues<TagValue> {
  constructor(context: SmartdcContext) {
    super(context, 'tags');
  }

  /** Adds or overwrites tags; answers the full resulting set. */
  add(
    machineId: string,
    values: Record<string, TagValue>,
    options: CallOptions = {},
  ): Promise<Record<string, TagValue>> {
    return this.write('POST', 'add', machineId, values, options);
  }

  /**
   * ReplaceMachineTags (PUT): the machine's tags become exactly `values`; answers the new set.
   * @example await triton.tags.replaceAll(machine.id, { role: 'db' }) // every other tag is gone
   */
  replaceAll(
    machineId: string,
    values: Record<string, TagValue>,
    options: CallOptions = {},
  ): Promise<Record<string, TagValue>> {
    return this.write('PUT', 'replaceAll', machineId, values, options);
  }

  /** @deprecated Renamed {@link TagsResource.replaceAll} (node-triton's `tag replace-all`). */
  replace(
    machineId: string,
    values: Record<string, TagValue>,
    options: CallOptions = {},
  ): Promise<Record<string, TagValue>> {
    return this.replaceAll(machineId, values, options);
  }
}
