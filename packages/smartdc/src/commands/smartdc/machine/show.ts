import * as Args from '@oclif/core/args';
import { resolveMachine } from '../../../cli/machine-ref.js';
import { SmartdcCommand, smartdcFlags } from '../../../cli/smartdc-command.js';

export default class MachineGet extends SmartdcCommand<typeof MachineGet> {
  static override summary = 'Show one machine (by id, name or short id)';
  static override aliases = ['smartdc:machine:get', 'smartdc:instance:get', 'smartdc:instance:show'];
  static override args = { machine: Args.string({ required: true, description: 'id, name or short id' }) };
  static override flags = { ...smartdcFlags };

  async run(): Promise<void> {
    const client = await this.client();
    this.printResult(await resolveMachine(client, this.args.machine));
  }
}
