import * as Args from '@oclif/core/args';
import { DciCommand, dciFlags } from '../../../../cli/dci-command.js';

export default class JobTagAdd extends DciCommand<typeof JobTagAdd> {
  static override summary =
    'Add a tag to a job (read-modify-write under If-Match, retried on a concurrent change)';
  static override args = {
    id: Args.string({ description: 'job id', required: true }),
    tag: Args.string({ description: 'tag to add', required: true }),
  };
  static override flags = dciFlags;
  async run(): Promise<void> {
    const { id, tag } = this.args;
    const dci = await this.client();
    const job = await dci.jobs.addTag(id, tag);
    this.outputOne(job, ['id', 'name', 'tags']);
  }
}
