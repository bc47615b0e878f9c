import { listFlags } from '@nimbus-sdk/core/cli';
import { SmartdcCommand, smartdcFlags } from '../../../cli/smartdc-command.js';

export default class PackageList extends SmartdcCommand<typeof PackageList> {
  static override summary = 'List packages (instance sizes)';
  static override flags = { ...smartdcFlags, ...listFlags };

  async run(): Promise<void> {
    const client = await this.client();
    this.printList(await client.packages.list(), {
      columns: ['id', 'name', 'memory', 'disk', 'vcpus', 'version'],
    });
  }
}
