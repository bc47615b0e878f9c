import { accountPath, type CallOptions, type CloudApiContext } from '../cloudapi-context.js';
import { requireText } from '../input-checks.js';

/** Machine metadata (customer_metadata). */
export function metadataResource(context: CloudApiContext) {
  const path = (method: string, machineId: string, key?: string) =>
    key === undefined
      ? accountPath(context, 'machines', requireText(method, 'machineId', machineId), 'metadata')
      : accountPath(
          context,
          'machines',
          requireText(method, 'machineId', machineId),
          'metadata',
          requireText(method, 'key', key),
        );
  return {
    async list(machineId: string, options: CallOptions = {}): Promise<Record<string, string>> {
      return (
        await context.transport.send<Record<string, string>>({
          method: 'GET',
          path: path('metadata.list', machineId),
          ...options,
        })
      ).data;
    },
    /** One value, as the raw string (asked for as text/plain). */
    async get(machineId: string, key: string, options: CallOptions = {}): Promise<string> {
      return (
        await context.transport.send<string>({
          method: 'GET',
          path: path('metadata.get', machineId, key),
          headers: { accept: 'text/plain' },
          responseType: 'text',
          ...options,
        })
      ).data;
    },
    /** Merges `values` into the metadata; answers the whole resulting set. */
    async update(
      machineId: string,
      values: Record<string, string>,
      options: CallOptions = {},
    ): Promise<Record<string, string>> {
      return (
        await context.transport.send<Record<string, string>>({
          method: 'POST',
          path: path('metadata.update', machineId),
          body: { json: values },
          ...options,
        })
      ).data;
    },
    async delete(machineId: string, key: string, options: CallOptions = {}): Promise<void> {
      await context.transport.send({
        method: 'DELETE',
        path: path('metadata.delete', machineId, key),
        responseType: 'none',
        ...options,
      });
    },
    async deleteAll(machineId: string, options: CallOptions = {}): Promise<void> {
      await context.transport.send({
        method: 'DELETE',
        path: path('metadata.deleteAll', machineId),
        responseType: 'none',
        ...options,
      });
    },
  };
}

export type MetadataResource = ReturnType<typeof metadataResource>;
