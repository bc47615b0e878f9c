import { Args } from '@oclif/core';
import { resolveMachine } from '../../../cli/machine-ref.js';
import { SmartdcCommand, smartdcFlags } from '../../../cli/smartdc-command.js';

export default class MachineResize extends SmartdcCommand<typeof MachineResize> {
  static override summary = 'Move a machine to another package';
  static override aliases = ['smartdc:instance:resize'];
  static override args = {
    machine: Args.string({ required: true, description: 'id, name or short id' }),
    package: Args.string({ required: true, description: 'package UUID or name' }),
  };
  static override flags = { ...smartdcFlags };

  async run(): Promise<void> {
    const client = await this.client();
    const machine = await resolveMachine(client, this.args.machine);
    await client.machines.resize(machine.id, this.args.package);
    this.printResult(await client.machines.get(machine.id));
  }
}
