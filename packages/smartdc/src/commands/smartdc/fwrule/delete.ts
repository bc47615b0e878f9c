import * as Args from '@oclif/core/args';
import { SmartdcCommand, smartdcFlags } from '../../../cli/smartdc-command.js';

export default class FwruleDelete extends SmartdcCommand<typeof FwruleDelete> {
  static override summary = 'Delete a firewall rule';
  static override args = { id: Args.string({ required: true, description: 'rule id' }) };
  static override flags = { ...smartdcFlags };

  async run(): Promise<void> {
    const client = await this.client();
    await client.firewallRules.delete(this.args.id);
    this.printResult({ id: this.args.id, deleted: true });
  }
}
