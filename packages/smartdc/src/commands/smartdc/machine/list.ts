import { listFlags } from '@nimbus-sdk/core/cli';
import * as Flags from '@oclif/core/flags';
import { MACHINE_COLUMNS, parsePairs } from '../../../cli/machine-ref.js';
import { SmartdcCommand, smartdcFlags } from '../../../cli/smartdc-command.js';
import type { MachineFilters } from '../../../resources/machines.js';

export default class MachineList extends SmartdcCommand<typeof MachineList> {
  static override summary = 'List machines (instances)';
  static override aliases = ['smartdc:instance:list'];
  static override examples = ['<%= config.bin %> smartdc machine list --state running --tag role=web'];
  static override flags = {
    ...smartdcFlags,
    state: Flags.string({ description: 'Only machines in this state (running, stopped, provisioning, ...)' }),
    name: Flags.string({ description: 'Only the machine with this name' }),
    image: Flags.string({ description: 'Only machines of this image UUID' }),
    tag: Flags.string({ description: 'Only machines with this tag (key=value); repeatable', multiple: true }),
    ...listFlags,
  };

  async run(): Promise<void> {
    const client = await this.client();
    const filters: MachineFilters = {};
    if (this.flags.state) filters.state = this.flags.state as MachineFilters['state'];
    if (this.flags.name) filters.name = this.flags.name;
    if (this.flags.image) filters.image = this.flags.image;
    if (this.flags.tag) filters.tags = parsePairs(this.flags.tag, 'tag');
    // ListMachines pages by offset: --offset is sent, unless a --sort done here needs every row first.
    const offsetSent = !this.flags.sort;
    const machines = await this.takeList(
      client.machines.list(filters, { offset: offsetSent ? this.flags.offset : 0 }),
      { offsetSent },
    );
    this.printList(machines, { columns: MACHINE_COLUMNS });
  }
}
