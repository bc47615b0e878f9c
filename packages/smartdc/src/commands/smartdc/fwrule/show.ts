import * as Args from '@oclif/core/args';
import { SmartdcCommand, smartdcFlags } from '../../../cli/smartdc-command.js';

export default class FwruleGet extends SmartdcCommand<typeof FwruleGet> {
  static override aliases = ['smartdc:fwrule:get'];
  static override summary = 'Show a firewall rule';
  static override args = { id: Args.string({ required: true, description: 'rule id' }) };
  static override flags = { ...smartdcFlags };

  async run(): Promise<void> {
    const client = await this.client();
    this.printResult(await client.firewallRules.get(this.args.id));
  }
}
