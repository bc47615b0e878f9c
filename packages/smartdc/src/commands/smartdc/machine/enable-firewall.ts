import { waitFlags } from '@nimbus-sdk/core/cli';
import * as Args from '@oclif/core/args';
import { resolveMachine } from '../../../cli/machine-ref.js';
import { SmartdcCommand, smartdcFlags } from '../../../cli/smartdc-command.js';

export default class MachineEnableFirewall extends SmartdcCommand<typeof MachineEnableFirewall> {
  static override summary = 'Enable the cloud firewall of a machine';
  static override aliases = ['smartdc:instance:enable-firewall'];
  static override args = { machine: Args.string({ required: true, description: 'id, name or short id' }) };
  static override flags = { ...smartdcFlags, ...waitFlags };

  async run(): Promise<void> {
    const client = await this.client();
    const machine = await resolveMachine(client, this.args.machine);
    await client.machines.enableFirewall(machine.id);
    this.printResult(
      this.flags.wait
        ? await this.waitForMachineChange(client, machine, 'firewall enabled', (m) => m.firewall_enabled)
        : await client.machines.get(machine.id),
    );
  }
}
