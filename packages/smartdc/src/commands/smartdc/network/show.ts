import * as Args from '@oclif/core/args';
import { resolveNetwork } from '../../../cli/network-ref.js';
import { SmartdcCommand, smartdcFlags } from '../../../cli/smartdc-command.js';

export default class NetworkShow extends SmartdcCommand<typeof NetworkShow> {
  static override summary = 'Show a network by UUID, name or short id';
  static override aliases = ['smartdc:network:get'];
  static override args = { network: Args.string({ required: true, description: 'UUID, name or short id' }) };
  static override flags = { ...smartdcFlags };

  async run(): Promise<void> {
    const client = await this.client();
    this.printResult(await resolveNetwork(client, this.args.network));
  }
}
