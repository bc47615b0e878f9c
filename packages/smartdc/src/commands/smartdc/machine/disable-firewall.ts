import { waitFlags } from '@nimbus-sdk/core/cli';
import * as Args from '@oclif/core/args';
import { resolveMachine } from '../../../cli/machine-ref.js';
import { SmartdcCommand, smartdcFlags } from '../../../cli/smartdc-command.js';

export default class MachineDisableFirewall extends SmartdcCommand<typeof MachineDisableFirewall> {
  static override summary = 'Disable the cloud firewall of a machine';
  static override aliases = ['smartdc:instance:disable-firewall'];
  static override args = { machine: Args.string({ required: true, description: 'id, name or short id' }) };
  static override flags = { ...smartdcFlags, ...waitFlags };

  async run(): Promise<void> {
    const client = await this.client();
    const machine = await resolveMachine(client, this.args.machine);
    await client.machines.disableFirewall(machine.id);
    this.printResult(
      this.flags.wait
        ? await this.waitForMachineChange(client, machine, 'firewall disabled', (m) => !m.firewall_enabled)
        : await client.machines.get(machine.id),
    );
  }
}
