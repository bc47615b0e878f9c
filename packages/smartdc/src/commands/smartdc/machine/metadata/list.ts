import * as Args from '@oclif/core/args';
import { resolveMachine } from '../../../../cli/machine-ref.js';
import { SmartdcCommand, smartdcFlags } from '../../../../cli/smartdc-command.js';

export default class MetadataList extends SmartdcCommand<typeof MetadataList> {
  static override summary = 'Show all metadata of a machine';
  static override aliases = ['smartdc:instance:metadata:list'];
  static override args = { machine: Args.string({ required: true, description: 'id, name or short id' }) };
  static override flags = { ...smartdcFlags };

  async run(): Promise<void> {
    const client = await this.client();
    const machine = await resolveMachine(client, this.args.machine);
    this.printResult(await client.metadata.list(machine.id));
  }
}
