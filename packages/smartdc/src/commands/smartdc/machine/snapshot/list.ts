import { listFlags } from '@nimbus-sdk/core/cli';
import * as Args from '@oclif/core/args';
import { resolveMachine } from '../../../../cli/machine-ref.js';
import { SmartdcCommand, smartdcFlags } from '../../../../cli/smartdc-command.js';

export default class SnapshotList extends SmartdcCommand<typeof SnapshotList> {
  static override summary = 'List the snapshots of a machine';
  static override aliases = ['smartdc:instance:snapshot:list'];
  static override args = { machine: Args.string({ required: true, description: 'id, name or short id' }) };
  static override flags = { ...smartdcFlags, ...listFlags };

  async run(): Promise<void> {
    const client = await this.client();
    const machine = await resolveMachine(client, this.args.machine);
    this.printList(await client.snapshots.list(machine.id), { columns: ['name', 'state', 'created'] });
  }
}
