import { listFlags } from '@nimbus-sdk/core/cli';
import * as Flags from '@oclif/core/flags';
import { SmartdcCommand, smartdcFlags } from '../../../cli/smartdc-command.js';

const COLUMNS = ['shortid', 'name', 'subnet', 'public', 'fabric'] as const;
const LONG_COLUMNS = ['id', 'name', 'subnet', 'gateway', 'public', 'fabric', 'description'] as const;

export default class NetworkList extends SmartdcCommand<typeof NetworkList> {
  static override summary = 'List networks';
  static override flags = {
    ...smartdcFlags,
    long: Flags.boolean({ char: 'l', description: 'Long table: full id, gateway, description' }),
    ...listFlags,
  };

  async run(): Promise<void> {
    const client = await this.client();
    // With --columns every column can be named, shortid included.
    const names: readonly string[] =
      this.requestedColumns() !== undefined
        ? ['shortid', ...LONG_COLUMNS]
        : this.flags.long
          ? LONG_COLUMNS
          : COLUMNS;
    this.printList(await client.networks.list(), {
      columns: names.map((key) =>
        key === 'shortid' ? { key, get: (network: { id: string }) => network.id.slice(0, 8) } : key,
      ),
    });
  }
}
