import { listFlags } from '@nimbus-sdk/core/cli';
import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import { packageListFilters } from '../../../cli/list-filters.js';
import { SmartdcCommand, smartdcFlags } from '../../../cli/smartdc-command.js';

const COLUMNS = ['shortid', 'name', 'memory', 'disk', 'vcpus'] as const;
const LONG_COLUMNS = ['id', 'name', 'memory', 'disk', 'swap', 'lwps', 'vcpus', 'version', 'group'] as const;

export default class PackageList extends SmartdcCommand<typeof PackageList> {
  static override summary = 'List packages (instance sizes)';
  static override description =
    'FILTERS are key=value, sent to ListPackages: name, memory, disk, swap, lwps, vcpus, version, group.';
  static override examples = ['<%= config.bin %> smartdc package list memory=1024'];
  static override strict = false;
  static override args = { filters: Args.string({ description: 'key=value filters (any number)' }) };
  static override flags = {
    ...smartdcFlags,
    long: Flags.boolean({ char: 'l', description: 'Long table: full id, swap, lwps, version, group' }),
    ...listFlags,
  };

  async run(): Promise<void> {
    const { argv } = await this.parse(PackageList);
    const filters = packageListFilters(argv as string[]);
    const client = await this.client();
    // With --columns every column can be named, shortid included.
    const names: readonly string[] =
      this.requestedColumns() !== undefined
        ? ['shortid', ...LONG_COLUMNS]
        : this.flags.long
          ? LONG_COLUMNS
          : COLUMNS;
    this.printList(await client.packages.list(filters), {
      columns: names.map((key) =>
        key === 'shortid' ? { key, get: (pkg: { id: string }) => pkg.id.slice(0, 8) } : key,
      ),
    });
  }
}
