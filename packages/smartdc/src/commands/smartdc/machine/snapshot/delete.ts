import * as Args from '@oclif/core/args';
import { resolveMachine } from '../../../../cli/machine-ref.js';
import { SmartdcCommand, smartdcFlags } from '../../../../cli/smartdc-command.js';

export default class SnapshotDelete extends SmartdcCommand<typeof SnapshotDelete> {
  static override summary = 'Delete a snapshot';
  static override aliases = ['smartdc:instance:snapshot:delete'];
  static override args = {
    machine: Args.string({ required: true, description: 'id, name or short id' }),
    name: Args.string({ required: true, description: 'snapshot name' }),
  };
  static override flags = { ...smartdcFlags };

  async run(): Promise<void> {
    const client = await this.client();
    const machine = await resolveMachine(client, this.args.machine);
    await client.snapshots.delete(machine.id, this.args.name);
    this.printResult({ machine: machine.id, name: this.args.name, deleted: true });
  }
}
