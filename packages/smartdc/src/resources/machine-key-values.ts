import { accountPath, type CallOptions, type SmartdcContext } from '../context.js';
import { requireText } from '../input-checks.js';

/**
 * The calls shared by a machine's two key-value sub-resources, `/machines/:id/metadata` and
 * `/machines/:id/tags`: CloudAPI serves both with the same list/get/write/delete routes.
 */
export function machineKeyValues<V>(context: SmartdcContext, segment: 'metadata' | 'tags') {
  const path = (operation: string, machineId: string, key?: string) => {
    const machine = requireText(`${segment}.${operation}`, 'machineId', machineId);
    return key === undefined
      ? accountPath(context, 'machines', machine, segment)
      : accountPath(
          context,
          'machines',
          machine,
          segment,
          requireText(`${segment}.${operation}`, 'key', key),
        );
  };
  return {
    async list(machineId: string, options: CallOptions = {}): Promise<Record<string, V>> {
      return (
        await context.transport.send<Record<string, V>>({
          method: 'GET',
          path: path('list', machineId),
          ...options,
        })
      ).data;
    },
    /** One value, as the raw string (asked for as text/plain, which py-smartdc never sent). */
    async get(machineId: string, key: string, options: CallOptions = {}): Promise<string> {
      return (
        await context.transport.send<string>({
          method: 'GET',
          path: path('get', machineId, key),
          headers: { accept: 'text/plain' },
          responseType: 'text',
          ...options,
        })
      ).data;
    },
    /** POST merges `values` into the set, PUT replaces it; either answers the whole resulting set. */
    async write(
      method: 'POST' | 'PUT',
      operation: string,
      machineId: string,
      values: Record<string, V>,
      options: CallOptions,
    ): Promise<Record<string, V>> {
      return (
        await context.transport.send<Record<string, V>>({
          method,
          path: path(operation, machineId),
          body: { json: values },
          idempotent: method === 'PUT',
          ...options,
        })
      ).data;
    },
    async delete(machineId: string, key: string, options: CallOptions = {}): Promise<void> {
      await context.transport.send({
        method: 'DELETE',
        path: path('delete', machineId, key),
        responseType: 'none',
        ...options,
      });
    },
    async deleteAll(machineId: string, options: CallOptions = {}): Promise<void> {
      await context.transport.send({
        method: 'DELETE',
        path: path('deleteAll', machineId),
        responseType: 'none',
        ...options,
      });
    },
  };
}
