import { type ListFlagValues, listFlags, listOptionsOf } from '../../../cli/list-flags.js';
import { S3aasCommand, s3aasFlags } from '../../../cli/s3aas-command.js';

export default class VersionList extends S3aasCommand<typeof VersionList> {
  static override summary = 'List the data-plane versions instances can be created with';
  static override flags = { ...s3aasFlags, ...listFlags };
  async run(): Promise<void> {
    const { options, sorted } = listOptionsOf(this.flags as unknown as ListFlagValues);
    const client = await this.client();
    this.printList(await this.takeList(client.versions.list(options), { sorted }), {
      sorted,
      columns: ['uuid', 'name', 'image'],
    });
  }
}
