import * as Flags from '@oclif/core/flags';
import { definedOnly } from '../../../cli/json-input.js';
import { S3aasCommand, s3aasFlags } from '../../../cli/s3aas-command.js';
import { idArg } from '../../../cli/scope-flags.js';

export default class InstanceUpdate extends S3aasCommand<typeof InstanceUpdate> {
  static override summary = 'Change an instance (PUT with only the given fields)';
  static override args = idArg('instance');
  static override flags = {
    ...s3aasFlags,
    name: Flags.string({ description: 'New name' }),
    description: Flags.string({ description: 'New description' }),
    cpu: Flags.integer({ description: 'Cores per node' }),
    ram: Flags.integer({ description: 'MiB of RAM per node' }),
    'disk-size': Flags.integer({ description: 'GiB of data disk (grow only)' }),
    'nodes-number': Flags.integer({ description: 'Nodes' }),
  };
  async run(): Promise<void> {
    const f = this.flags;
    const patch = definedOnly({
      name: f.name,
      description: f.description,
      cpu: f.cpu,
      ram: f.ram,
      disk_size: f['disk-size'],
      nodes_number: f['nodes-number'],
    });
    this.printResult(await (await this.client()).instances.update(this.args.id, patch));
  }
}
