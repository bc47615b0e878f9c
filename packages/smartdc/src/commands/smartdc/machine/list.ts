import { listFlags } from '@nimbus-sdk/core/cli';
import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import { machineListFilters } from '../../../cli/list-filters.js';
import { imageNames, machineTableColumns } from '../../../cli/machine-columns.js';
import { parsePairs } from '../../../cli/machine-ref.js';
import { SmartdcCommand, smartdcFlags } from '../../../cli/smartdc-command.js';
import { UUID } from '../../../input-checks.js';
import type { MachineFilters } from '../../../resources/machines.js';

export default class MachineList extends SmartdcCommand<typeof MachineList> {
  static override summary = 'List machines (instances)';
  static override description =
    'FILTERS are key=value, sent to ListMachines like `triton ls`: state, name, image (UUID or name), memory, type, brand, docker, tag.<key>. Rows are sorted by creation time.';
  static override aliases = ['smartdc:instance:list', 'smartdc:instance:ls'];
  static override examples = [
    '<%= config.bin %> smartdc machine list state=running tag.role=db',
    '<%= config.bin %> smartdc instance ls -l --columns shortid,name,img,age',
  ];
  static override strict = false;
  static override args = { filters: Args.string({ description: 'key=value filters (any number)' }) };
  static override flags = {
    ...smartdcFlags,
    long: Flags.boolean({ char: 'l', description: 'Long table: id, package, flags, primary IP, created' }),
    state: Flags.string({ description: 'Only machines in this state (running, stopped, provisioning, ...)' }),
    name: Flags.string({ description: 'Only the machine with this name' }),
    image: Flags.string({ description: 'Only machines of this image (UUID, name[@version] or short id)' }),
    tag: Flags.string({ description: 'Only machines with this tag (key=value); repeatable', multiple: true }),
    ...listFlags,
  };

  async run(): Promise<void> {
    const { argv } = await this.parse(MachineList);
    const filters: MachineFilters = machineListFilters(argv as string[]);
    if (this.flags.state) filters.state = this.flags.state as MachineFilters['state'];
    if (this.flags.name) filters.name = this.flags.name;
    if (this.flags.image) filters.image = this.flags.image;
    if (this.flags.tag) filters.tags = { ...filters.tags, ...parsePairs(this.flags.tag, 'tag') };
    const client = await this.client();
    // ListMachines takes an image UUID; node-triton lets people write the image's name.
    if (filters.image !== undefined && !UUID.test(filters.image)) {
      filters.image = (await client.images.resolve(filters.image)).id;
    }
    // ListMachines pages by offset: --offset is sent, unless a --sort done here needs every row first.
    const offsetSent = !this.flags.sort;
    const listed = await this.takeList(
      client.machines.list(filters, { offset: offsetSent ? this.flags.offset : 0 }),
      { offsetSent },
    );
    // node-triton's order (oldest first) unless --sort asked for another.
    const machines = this.flags.sort
      ? listed
      : [...listed].sort((a, b) => a.created.localeCompare(b.created));
    const images = imageNames(this.jsonOutput ? [] : await client.images.list({ state: 'all' }));
    const columns = machineTableColumns(
      { long: this.flags.long, requested: this.requestedColumns() !== undefined },
      images,
      Date.now(),
    );
    this.printList(machines, { columns });
  }
}
