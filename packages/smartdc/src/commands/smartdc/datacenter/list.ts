import { listFlags } from '@nimbus-sdk/core/cli';
import { SmartdcCommand, smartdcFlags } from '../../../cli/smartdc-command.js';

export default class DatacenterList extends SmartdcCommand<typeof DatacenterList> {
  static override summary = 'List the datacenters of this cloud';
  static override flags = { ...smartdcFlags, ...listFlags };

  async run(): Promise<void> {
    const client = await this.client();
    const map = await client.datacenters.list();
    this.printList(
      Object.entries(map).map(([name, url]) => ({ name, url })),
      { columns: ['name', 'url'] },
    );
  }
}
