import { waitFlags } from '@nimbus-sdk/core/cli';
import * as Args from '@oclif/core/args';
import { resolveMachine } from '../../../cli/machine-ref.js';
import { SmartdcCommand, smartdcFlags } from '../../../cli/smartdc-command.js';

export default class MachineStart extends SmartdcCommand<typeof MachineStart> {
  static override summary = 'Start a stopped machine (--wait until running)';
  static override aliases = ['smartdc:instance:start'];
  static override args = { machine: Args.string({ required: true, description: 'id, name or short id' }) };
  static override flags = { ...smartdcFlags, ...waitFlags };

  async run(): Promise<void> {
    const client = await this.client();
    const machine = await resolveMachine(client, this.args.machine);
    await client.machines.start(machine.id);
    if (this.flags.wait) {
      this.printResult(await this.waitForMachine(client, machine, ['running']));
      return;
    }
    this.printResult(await client.machines.get(machine.id));
  }
}
