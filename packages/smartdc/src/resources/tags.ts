import type { CallOptions, SmartdcContext } from '../context.js';
import { machineKeyValues } from './machine-key-values.js';

/** A tag value as CloudAPI stores it. */
export type TagValue = string | number | boolean;

/** Machine tags. */
export function tagsResource(context: SmartdcContext) {
  const tags = machineKeyValues<TagValue>(context, 'tags');
  return {
    list: tags.list,
    /** One tag's value, as the raw string (asked for as text/plain, which py-smartdc never sent). */
    get: tags.get,
    /** Adds or overwrites tags; answers the full resulting set. */
    add: (machineId: string, values: Record<string, TagValue>, options: CallOptions = {}) =>
      tags.write('POST', 'add', machineId, values, options),
    /** Replaces the whole tag set. */
    replace: (machineId: string, values: Record<string, TagValue>, options: CallOptions = {}) =>
      tags.write('PUT', 'replace', machineId, values, options),
    delete: tags.delete,
    deleteAll: tags.deleteAll,
  };
}

export type TagsResource = ReturnType<typeof tagsResource>;
