import { waitFlags } from '@nimbus-sdk/core/cli';
import * as Args from '@oclif/core/args';
import { explainDeletionRefusal } from '../../../cli/deletion-refusal.js';
import { resolveMachine } from '../../../cli/machine-ref.js';
import { SmartdcCommand, smartdcFlags } from '../../../cli/smartdc-command.js';

export default class MachineDelete extends SmartdcCommand<typeof MachineDelete> {
  static override summary =
    'Delete a machine (--wait until it is gone); refused while deletion protection is on';
  static override aliases = ['smartdc:instance:delete'];
  static override args = { machine: Args.string({ required: true, description: 'id, name or short id' }) };
  static override flags = { ...smartdcFlags, ...waitFlags };

  async run(): Promise<void> {
    const client = await this.client();
    const machine = await resolveMachine(client, this.args.machine);
    await client.machines.delete(machine.id).catch((error: unknown) => {
      throw explainDeletionRefusal(error, machine);
    });
    const state = this.flags.wait
      ? (await this.waitForMachine(client, machine, ['deleted'])).state
      : 'deleting';
    this.printResult({ id: machine.id, name: machine.name, state });
  }
}
