import { waitFlags } from '@nimbus-sdk/core/cli';
import * as Args from '@oclif/core/args';
import { resolveMachine } from '../../../cli/machine-ref.js';
import { SmartdcCommand, smartdcFlags } from '../../../cli/smartdc-command.js';

export default class MachineResize extends SmartdcCommand<typeof MachineResize> {
  static override summary = 'Move a machine to another package (--wait until it runs on it)';
  static override aliases = ['smartdc:instance:resize'];
  static override args = {
    machine: Args.string({ required: true, description: 'id, name or short id' }),
    package: Args.string({ required: true, description: 'package UUID or name' }),
  };
  static override flags = { ...smartdcFlags, ...waitFlags };

  async run(): Promise<void> {
    const client = await this.client();
    const machine = await resolveMachine(client, this.args.machine);
    const pkg = await client.packages.get(this.args.package);
    await client.machines.resize(machine.id, pkg.id);
    this.printResult(
      this.flags.wait
        ? await this.waitForMachineChange(
            client,
            machine,
            `resized to ${pkg.name}`,
            (m) => m.package === pkg.name,
          )
        : await client.machines.get(machine.id),
    );
  }
}
