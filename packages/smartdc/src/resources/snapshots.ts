import { accountPath, type CallOptions, type SmartdcContext } from '../context.js';
import { requireText } from '../input-checks.js';
import type { Snapshot } from '../types.js';

/** Machine snapshots (not for kvm). */
export function snapshotsResource(context: SmartdcContext) {
  const path = (method: string, machineId: string, name?: string) =>
    name === undefined
      ? accountPath(context, 'machines', requireText(method, 'machineId', machineId), 'snapshots')
      : accountPath(
          context,
          'machines',
          requireText(method, 'machineId', machineId),
          'snapshots',
          requireText(method, 'name', name),
        );
  return {
    /** Starts a snapshot (`queued`, then `created`); `name` defaults to a UTC timestamp server-side. */
    async create(
      machineId: string,
      name?: string,
      options: CallOptions = {},
    ): Promise<Pick<Snapshot, 'name' | 'state'>> {
      return (
        await context.transport.send<Pick<Snapshot, 'name' | 'state'>>({
          method: 'POST',
          path: path('snapshots.create', machineId),
          body: { json: name === undefined ? {} : { name: requireText('snapshots.create', 'name', name) } },
          ...options,
        })
      ).data;
    },
    async list(machineId: string, options: CallOptions = {}): Promise<Snapshot[]> {
      return (
        await context.transport.send<Snapshot[]>({
          method: 'GET',
          path: path('snapshots.list', machineId),
          ...options,
        })
      ).data;
    },
    async get(machineId: string, name: string, options: CallOptions = {}): Promise<Snapshot> {
      return (
        await context.transport.send<Snapshot>({
          method: 'GET',
          path: path('snapshots.get', machineId, name),
          ...options,
        })
      ).data;
    },
    /** Boots the (stopped) machine from the snapshot; 202, the machine goes back to running. */
    async boot(machineId: string, name: string, options: CallOptions = {}): Promise<void> {
      await context.transport.send({
        method: 'POST',
        path: path('snapshots.boot', machineId, name),
        responseType: 'none',
        ...options,
      });
    },
    async delete(machineId: string, name: string, options: CallOptions = {}): Promise<void> {
      await context.transport.send({
        method: 'DELETE',
        path: path('snapshots.delete', machineId, name),
        responseType: 'none',
        ...options,
      });
    },
  };
}

export type SnapshotsResource = ReturnType<typeof snapshotsResource>;
