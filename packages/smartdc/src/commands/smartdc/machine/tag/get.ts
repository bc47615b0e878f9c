import * as Args from '@oclif/core/args';
import { resolveMachine } from '../../../../cli/machine-ref.js';
import { SmartdcCommand, smartdcFlags } from '../../../../cli/smartdc-command.js';

export default class TagGet extends SmartdcCommand<typeof TagGet> {
  static override summary = 'Show one tag value of a machine';
  static override aliases = ['smartdc:instance:tag:get'];
  static override args = {
    machine: Args.string({ required: true, description: 'id, name or short id' }),
    key: Args.string({ required: true, description: 'the key' }),
  };
  static override flags = { ...smartdcFlags };

  async run(): Promise<void> {
    const client = await this.client();
    const machine = await resolveMachine(client, this.args.machine);
    const value = await client.tags.get(machine.id, this.args.key);
    this.printResult({ key: this.args.key, value });
  }
}
