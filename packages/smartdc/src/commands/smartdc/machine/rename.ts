import { waitFlags } from '@nimbus-sdk/core/cli';
import * as Args from '@oclif/core/args';
import { resolveMachine } from '../../../cli/machine-ref.js';
import { SmartdcCommand, smartdcFlags } from '../../../cli/smartdc-command.js';

export default class MachineRename extends SmartdcCommand<typeof MachineRename> {
  static override summary = 'Rename a machine';
  static override aliases = ['smartdc:instance:rename'];
  static override args = {
    machine: Args.string({ required: true, description: 'id, name or short id' }),
    name: Args.string({ required: true, description: 'the new name' }),
  };
  static override flags = { ...smartdcFlags, ...waitFlags };

  async run(): Promise<void> {
    const client = await this.client();
    const machine = await resolveMachine(client, this.args.machine);
    await client.machines.rename(machine.id, this.args.name);
    this.printResult(
      this.flags.wait
        ? await this.waitForMachineChange(client, machine, 'renamed', (m) => m.name === this.args.name)
        : await client.machines.get(machine.id),
    );
  }
}
