import * as Flags from '@oclif/core/flags';
import { DciCommand, dciFlags } from '../../../cli/dci-command.js';
import { collect, listFlags } from '../../../cli/resource-commands.js';

export default class FileList extends DciCommand<typeof FileList> {
  static override summary = "List a job's files";
  static override flags = {
    ...dciFlags,
    ...listFlags,
    'job-id': Flags.string({ description: 'Job id', required: true }),
  };
  async run(): Promise<void> {
    const flags = this.flags as unknown as Parameters<typeof collect>[1] & { 'job-id': string };
    const dci = await this.dci();
    this.output(await collect((o) => dci.jobs.files(flags['job-id'], o), flags), [
      'id',
      'name',
      'mime',
      'size',
      'created_at',
    ]);
  }
}
