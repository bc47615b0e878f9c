import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import { SmartdcCommand, smartdcFlags } from '../../../cli/smartdc-command.js';

export default class FwruleCreate extends SmartdcCommand<typeof FwruleCreate> {
  static override summary = 'Create a firewall rule';
  static override examples = [
    '<%= config.bin %> smartdc fwrule create "FROM any TO tag role=web ALLOW tcp PORT 443" --enabled',
  ];
  static override args = {
    rule: Args.string({ required: true, description: 'FROM ... TO ... ALLOW|BLOCK ...' }),
  };
  static override flags = {
    ...smartdcFlags,
    enabled: Flags.boolean({ description: 'Enable the rule at once' }),
    description: Flags.string({ description: 'Free text' }),
  };

  async run(): Promise<void> {
    const client = await this.client();
    this.printResult(
      await client.firewallRules.create({
        rule: this.args.rule,
        enabled: this.flags.enabled,
        ...(this.flags.description === undefined ? {} : { description: this.flags.description }),
      }),
    );
  }
}
