import * as Args from '@oclif/core/args';
import { resolveMachine } from '../../../../cli/machine-ref.js';
import { SmartdcCommand, smartdcFlags } from '../../../../cli/smartdc-command.js';

export default class SnapshotGet extends SmartdcCommand<typeof SnapshotGet> {
  static override summary = 'Show one snapshot of a machine';
  static override aliases = [
    'smartdc:machine:snapshot:get',
    'smartdc:instance:snapshot:get',
    'smartdc:instance:snapshot:show',
  ];
  static override args = {
    machine: Args.string({ required: true, description: 'id, name or short id' }),
    name: Args.string({ required: true, description: 'snapshot name' }),
  };
  static override flags = { ...smartdcFlags };

  async run(): Promise<void> {
    const client = await this.client();
    const machine = await resolveMachine(client, this.args.machine);
    this.printResult(await client.snapshots.get(machine.id, this.args.name));
  }
}
