import { assertSafeKey } from '@nimbus-sdk/core';
import { accountPath, type CallOptions, type SmartdcContext } from '../context.js';
import { requireText } from '../input-checks.js';

/**
 * The calls shared by a machine's two key-value sub-resources, `/machines/:id/metadata` and
 * `/machines/:id/tags`: CloudAPI serves both with the same list/get/write/delete routes.
 */
export abstract class MachineKeyValues<V> {
  protected constructor(
    private readonly context: SmartdcContext,
    private readonly segment: 'metadata' | 'tags',
  ) {}

  private path(operation: string, machineId: string, key?: string): string {
    const { context, segment } = this;
    const machine = requireText(`${segment}.${operation}`, 'machineId', machineId);
    return key === undefined
      ? accountPath(context, 'machines', { machineId: machine }, segment)
      : accountPath(context, 'machines', { machineId: machine }, segment, {
          key: requireText(`${segment}.${operation}`, 'key', key),
        });
  }

  async list(machineId: string, options: CallOptions = {}): Promise<Record<string, V>> {
    return (
      await this.context.transport.send<Record<string, V>>({
        method: 'GET',
        path: this.path('list', machineId),
        ...options,
      })
    ).data;
  }

  /** One value, as the raw string (asked for as text/plain, which py-smartdc never sent). */
  async get(machineId: string, key: string, options: CallOptions = {}): Promise<string> {
    return (
      await this.context.transport.send<string>({
        method: 'GET',
        path: this.path('get', machineId, key),
        headers: { accept: 'text/plain' },
        responseType: 'text',
        ...options,
      })
    ).data;
  }

  /** POST merges `values` into the set, PUT replaces it; either answers the whole resulting set. */
  protected async write(
    method: 'POST' | 'PUT',
    operation: string,
    machineId: string,
    values: Record<string, V>,
    options: CallOptions,
  ): Promise<Record<string, V>> {
    // Names become keys of objects on both ends: a prototype key is refused, never sent.
    for (const key of Object.keys(values)) assertSafeKey(key, `${this.segment}.${operation}`);
    return (
      await this.context.transport.send<Record<string, V>>({
        method,
        path: this.path(operation, machineId),
        body: { json: values },
        idempotent: method === 'PUT',
        ...options,
      })
    ).data;
  }

  async delete(machineId: string, key: string, options: CallOptions = {}): Promise<void> {
    await this.context.transport.send({
      method: 'DELETE',
      path: this.path('delete', machineId, key),
      responseType: 'none',
      ...options,
    });
  }

  async deleteAll(machineId: string, options: CallOptions = {}): Promise<void> {
    await this.context.transport.send({
      method: 'DELETE',
      path: this.path('deleteAll', machineId),
      responseType: 'none',
      ...options,
    });
  }
}
