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

  /** Replaces the whole tag set. */
  replace(
    machineId: string,
    values: Record<string, TagValue>,
    options: CallOptions = {},
  ): Promise<Record<string, TagValue>> {
    return this.write('PUT', 'replace', machineId, values, options);
  }
}
