import * as Args from '@oclif/core/args';
import { SmartdcCommand, smartdcFlags } from '../../../cli/smartdc-command.js';

export default class FwruleEnable extends SmartdcCommand<typeof FwruleEnable> {
  static override summary = 'Enable a firewall rule';
  static override args = { id: Args.string({ required: true, description: 'rule id' }) };
  static override flags = { ...smartdcFlags };

  async run(): Promise<void> {
    const client = await this.client();
    this.printResult(await client.firewallRules.enable(this.args.id));
  }
}
