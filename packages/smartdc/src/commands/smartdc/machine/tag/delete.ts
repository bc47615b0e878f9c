import { ValidationError } from '@nimbus-sdk/core';
import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import { resolveMachine } from '../../../../cli/machine-ref.js';
import { SmartdcCommand, smartdcFlags } from '../../../../cli/smartdc-command.js';

export default class TagDelete extends SmartdcCommand<typeof TagDelete> {
  static override summary = 'Delete one tag key of a machine, or all with --all';
  static override aliases = ['smartdc:instance:tag:delete'];
  static override args = {
    machine: Args.string({ required: true, description: 'id, name or short id' }),
    key: Args.string({ description: 'the key' }),
  };
  static override flags = { ...smartdcFlags, all: Flags.boolean({ description: 'Delete every key' }) };

  async run(): Promise<void> {
    if (!this.args.key && !this.flags.all) throw new ValidationError('give a key to delete, or --all');
    const client = await this.client();
    const machine = await resolveMachine(client, this.args.machine);
    if (this.args.key) await client.tags.delete(machine.id, this.args.key);
    else await client.tags.deleteAll(machine.id);
    this.printResult({ machine: machine.id, deleted: this.args.key ?? 'all' });
  }
}
