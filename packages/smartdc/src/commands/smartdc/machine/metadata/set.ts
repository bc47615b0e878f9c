import * as Args from '@oclif/core/args';
import { parsePairs, resolveMachine } from '../../../../cli/machine-ref.js';
import { SmartdcCommand, smartdcFlags } from '../../../../cli/smartdc-command.js';

export default class MetadataSet extends SmartdcCommand<typeof MetadataSet> {
  static override summary = 'Set metadata values on a machine (key=value ...)';
  static override aliases = ['smartdc:instance:metadata:set'];
  static override strict = false;
  static override args = {
    machine: Args.string({ required: true, description: 'id, name or short id' }),
    pairs: Args.string({ required: true, description: 'key=value (one or more)' }),
  };
  static override flags = { ...smartdcFlags };

  async run(): Promise<void> {
    const pairs = parsePairs(
      this.argv.filter((arg) => arg.includes('=') && !arg.startsWith('-')),
      'metadata',
    );
    const client = await this.client();
    const machine = await resolveMachine(client, this.args.machine);
    this.printResult(await client.metadata.update(machine.id, pairs));
  }
}
