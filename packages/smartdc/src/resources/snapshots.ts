import { pathSegment } from '@nimbus-sdk/core';
import { accountPath, type CallOptions, type SmartdcContext } from '../context.js';
import { requireText } from '../input-checks.js';
import type { Snapshot } from '../types.js';

/** A new snapshot's name: every later call puts it in a path, so it must be a valid path segment now. */
function snapshotName(method: string, name: string): string {
  pathSegment('name', requireText(method, 'name', name));
  return name;
}

/** Machine snapshots (not for kvm). */
export class SnapshotsResource {
  constructor(private readonly context: SmartdcContext) {}

  private path(method: string, machineId: string, name?: string): string {
    return name === undefined
      ? accountPath(
          this.context,
          'machines',
          { machineId: requireText(method, 'machineId', machineId) },
          'snapshots',
        )
      : accountPath(
          this.context,
          'machines',
          { machineId: requireText(method, 'machineId', machineId) },
          'snapshots',
          { name: requireText(method, 'name', name) },
        );
  }

  /** Starts a snapshot (`queued`, then `created`); `name` defaults to a UTC timestamp server-side. */
  async create(
    machineId: string,
    name?: string,
    options: CallOptions = {},
  ): Promise<Pick<Snapshot, 'name' | 'state'>> {
    return (
      await this.context.transport.send<Pick<Snapshot, 'name' | 'state'>>({
        method: 'POST',
        path: this.path('snapshots.create', machineId),
        body: { json: name === undefined ? {} : { name: snapshotName('snapshots.create', name) } },
        ...options,
      })
    ).data;
  }
  async list(machineId: string, options: CallOptions = {}): Promise<Snapshot[]> {
    return (
      await this.context.transport.send<Snapshot[]>({
        method: 'GET',
        path: this.path('snapshots.list', machineId),
        ...options,
      })
    ).data;
  }
  async get(machineId: string, name: string, options: CallOptions = {}): Promise<Snapshot> {
    return (
      await this.context.transport.send<Snapshot>({
        method: 'GET',
        path: this.path('snapshots.get', machineId, name),
        ...options,
      })
    ).data;
  }
  /** Boots the (stopped) machine from the snapshot; 202, the machine goes back to running. */
  async boot(machineId: string, name: string, options: CallOptions = {}): Promise<void> {
    await this.context.transport.send({
      method: 'POST',
      path: this.path('snapshots.boot', machineId, name),
      responseType: 'none',
      ...options,
    });
  }
  async delete(machineId: string, name: string, options: CallOptions = {}): Promise<void> {
    await this.context.transport.send({
      method: 'DELETE',
      path: this.path('snapshots.delete', machineId, name),
      responseType: 'none',
      ...options,
    });
  }
}
