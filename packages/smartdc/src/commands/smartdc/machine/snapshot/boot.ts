import { waitFlags } from '@nimbus-sdk/core/cli';
import * as Args from '@oclif/core/args';
import { resolveMachine } from '../../../../cli/machine-ref.js';
import { SmartdcCommand, smartdcFlags } from '../../../../cli/smartdc-command.js';

export default class SnapshotBoot extends SmartdcCommand<typeof SnapshotBoot> {
  static override summary = 'Boot a stopped machine from a snapshot (--wait until running)';
  static override aliases = ['smartdc:instance:snapshot:boot'];
  static override args = {
    machine: Args.string({ required: true, description: 'id, name or short id' }),
    name: Args.string({ required: true, description: 'snapshot name' }),
  };
  static override flags = { ...smartdcFlags, ...waitFlags };

  async run(): Promise<void> {
    const client = await this.client();
    const machine = await resolveMachine(client, this.args.machine);
    await client.snapshots.boot(machine.id, this.args.name);
    this.printResult(
      this.flags.wait
        ? await this.waitForMachine(client, machine, ['running'])
        : await client.machines.get(machine.id),
    );
  }
}
