import { listFlags } from '@nimbus-sdk/core/cli';
import { SmartdcCommand, smartdcFlags } from '../../../cli/smartdc-command.js';

export default class NetworkList extends SmartdcCommand<typeof NetworkList> {
  static override summary = 'List networks';
  static override flags = { ...smartdcFlags, ...listFlags };

  async run(): Promise<void> {
    const client = await this.client();
    this.printList(await client.networks.list(), { columns: ['id', 'name', 'public', 'fabric'] });
  }
}
