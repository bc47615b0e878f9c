import * as Args from '@oclif/core/args';
import { resolveMachine } from '../../../cli/machine-ref.js';
import { requirePrimaryIp } from '../../../cli/primary-ip.js';
import { SmartdcCommand, smartdcFlags } from '../../../cli/smartdc-command.js';

export default class MachineIp extends SmartdcCommand<typeof MachineIp> {
  static override summary = "Print a machine's primary IP address";
  static override aliases = ['smartdc:instance:ip'];
  static override examples = ['ssh root@$(<%= config.bin %> smartdc instance ip web01)'];
  static override args = { machine: Args.string({ required: true, description: 'id, name or short id' }) };
  static override flags = { ...smartdcFlags };

  async run(): Promise<void> {
    const client = await this.client();
    const machine = await resolveMachine(client, this.args.machine);
    const ip = requirePrimaryIp(machine);
    if (this.jsonOutput) this.printResult({ id: machine.id, name: machine.name, primaryIp: ip });
    else process.stdout.write(`${ip}\n`);
  }
}
