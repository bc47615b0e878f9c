import { waitFlags } from '@nimbus-sdk/core/cli';
import * as Args from '@oclif/core/args';
import { resolveMachine } from '../../../cli/machine-ref.js';
import { SmartdcCommand, smartdcFlags } from '../../../cli/smartdc-command.js';

export default class MachineStop extends SmartdcCommand<typeof MachineStop> {
  static override summary = 'Stop a running machine (--wait until stopped)';
  static override aliases = ['smartdc:instance:stop'];
  static override args = { machine: Args.string({ required: true, description: 'id, name or short id' }) };
  static override flags = { ...smartdcFlags, ...waitFlags };

  async run(): Promise<void> {
    const client = await this.client();
    const machine = await resolveMachine(client, this.args.machine);
    await client.machines.stop(machine.id);
    if (this.flags.wait) {
      this.printResult(await this.waitForMachine(client, machine, ['stopped']));
      return;
    }
    this.printResult(await client.machines.get(machine.id));
  }
}
