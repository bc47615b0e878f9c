import { pollUntil } from '@nimbus-sdk/core';
import { waitFlags } from '@nimbus-sdk/core/cli';
import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import { resolveMachine } from '../../../../cli/machine-ref.js';
import { SmartdcCommand, smartdcFlags } from '../../../../cli/smartdc-command.js';

export default class SnapshotCreate extends SmartdcCommand<typeof SnapshotCreate> {
  static override summary = 'Snapshot a machine (--wait until the snapshot is created)';
  static override aliases = ['smartdc:instance:snapshot:create'];
  static override args = { machine: Args.string({ required: true, description: 'id, name or short id' }) };
  static override flags = {
    ...smartdcFlags,
    ...waitFlags,
    name: Flags.string({ char: 'n', description: 'Snapshot name (default: a UTC timestamp)' }),
  };

  async run(): Promise<void> {
    const client = await this.client();
    const machine = await resolveMachine(client, this.args.machine);
    const snapshot = await client.snapshots.create(machine.id, this.flags.name);
    if (!this.flags.wait) {
      this.printResult(snapshot);
      return;
    }
    const created = await this.waitWithSpinner(`Waiting for snapshot ${snapshot.name}`, (control) =>
      pollUntil(
        (signal) => client.snapshots.get(machine.id, snapshot.name, { signal }),
        (s) => s.state === 'created',
        {
          isFailed: (s) => (s.state === 'failed' || s.state === 'canceled' ? `snapshot ${s.state}` : false),
          signal: control.signal,
          timeoutMs: control.timeoutMs,
          minDelayMs: 500,
          onProgress: control.onProgress,
        },
      ),
    );
    this.printResult(created);
  }
}
