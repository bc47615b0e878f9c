import { waitFlags } from '@nimbus-sdk/core/cli';
import * as Args from '@oclif/core/args';
import { resolveMachine } from '../../../cli/machine-ref.js';
import { SmartdcCommand, smartdcFlags } from '../../../cli/smartdc-command.js';

export default class MachineReboot extends SmartdcCommand<typeof MachineReboot> {
  static override summary = 'Reboot a running machine (--wait until running)';
  static override aliases = ['smartdc:instance:reboot'];
  static override args = { machine: Args.string({ required: true, description: 'id, name or short id' }) };
  static override flags = { ...smartdcFlags, ...waitFlags };

  async run(): Promise<void> {
    const client = await this.client();
    const machine = await resolveMachine(client, this.args.machine);
    await client.machines.reboot(machine.id);
    if (this.flags.wait) {
      this.printResult(await this.waitForMachine(client, machine, ['running']));
      return;
    }
    this.printResult(await client.machines.get(machine.id));
  }
}
