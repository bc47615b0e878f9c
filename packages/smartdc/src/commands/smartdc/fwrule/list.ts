import { listFlags } from '@nimbus-sdk/core/cli';
import { SmartdcCommand, smartdcFlags } from '../../../cli/smartdc-command.js';

export default class FwruleList extends SmartdcCommand<typeof FwruleList> {
  static override summary = 'List firewall rules';
  static override flags = { ...smartdcFlags, ...listFlags };

  async run(): Promise<void> {
    const client = await this.client();
    this.printList(await client.firewallRules.list(), { columns: ['id', 'enabled', 'global', 'rule'] });
  }
}
