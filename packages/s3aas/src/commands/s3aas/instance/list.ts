import { type ListFlagValues, listFlags, listOptionsOf } from '../../../cli/list-flags.js';
import { S3aasCommand, s3aasFlags } from '../../../cli/s3aas-command.js';

/** Table columns of instances. */
export const INSTANCE_COLUMNS = [
  'uuid',
  'name',
  'status',
  'ipsv4',
  'cpu',
  'ram',
  'disk_size',
  'nodes_number',
];

export default class InstanceList extends S3aasCommand<typeof InstanceList> {
  static override summary = 'List instances';
  static override flags = { ...s3aasFlags, ...listFlags };
  async run(): Promise<void> {
    const { options, sorted } = listOptionsOf(this.flags as unknown as ListFlagValues);
    const client = await this.client();
    this.printList(await this.takeList(client.instances.list(options), { sorted }), {
      sorted,
      columns: INSTANCE_COLUMNS,
    });
  }
}
