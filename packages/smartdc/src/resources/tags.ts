import { accountPath, type CallOptions, type CloudApiContext } from '../cloudapi-context.js';
import { requireText } from '../input-checks.js';

/** A tag value as CloudAPI stores it. */
export type TagValue = string | number | boolean;

/** Machine tags. */
export function tagsResource(context: CloudApiContext) {
  const path = (method: string, machineId: string, key?: string) =>
    key === undefined
      ? accountPath(context, 'machines', requireText(method, 'machineId', machineId), 'tags')
      : accountPath(
          context,
          'machines',
          requireText(method, 'machineId', machineId),
          'tags',
          requireText(method, 'key', key),
        );
  const set = async (
    method: 'POST' | 'PUT',
    machineId: string,
    tags: Record<string, TagValue>,
    options: CallOptions,
  ) =>
    (
      await context.transport.send<Record<string, TagValue>>({
        method,
        path: path(method === 'POST' ? 'tags.add' : 'tags.replace', machineId),
        body: { json: tags },
        idempotent: method === 'PUT',
        ...options,
      })
    ).data;
  return {
    async list(machineId: string, options: CallOptions = {}): Promise<Record<string, TagValue>> {
      return (
        await context.transport.send<Record<string, TagValue>>({
          method: 'GET',
          path: path('tags.list', machineId),
          ...options,
        })
      ).data;
    },
    /** One tag's value, as the raw string (asked for as text/plain, which py-smartdc never sent). */
    async get(machineId: string, key: string, options: CallOptions = {}): Promise<string> {
      return (
        await context.transport.send<string>({
          method: 'GET',
          path: path('tags.get', machineId, key),
          headers: { accept: 'text/plain' },
          responseType: 'text',
          ...options,
        })
      ).data;
    },
    /** Adds or overwrites tags; answers the full resulting set. */
    add: (machineId: string, tags: Record<string, TagValue>, options: CallOptions = {}) =>
      set('POST', machineId, tags, options),
    /** Replaces the whole tag set. */
    replace: (machineId: string, tags: Record<string, TagValue>, options: CallOptions = {}) =>
      set('PUT', machineId, tags, options),
    async delete(machineId: string, key: string, options: CallOptions = {}): Promise<void> {
      await context.transport.send({
        method: 'DELETE',
        path: path('tags.delete', machineId, key),
        responseType: 'none',
        ...options,
      });
    },
    async deleteAll(machineId: string, options: CallOptions = {}): Promise<void> {
      await context.transport.send({
        method: 'DELETE',
        path: path('tags.deleteAll', machineId),
        responseType: 'none',
        ...options,
      });
    },
  };
}

export type TagsResource = ReturnType<typeof tagsResource>;
