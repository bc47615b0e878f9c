import * as Flags from '@oclif/core/flags';
import { DciCommand, dciFlags } from '../../../cli/dci-command.js';

export default class JobStart extends DciCommand<typeof JobStart> {
  static override summary = 'Create a job (remoteci credentials) and move it to pre-run or running';
  static override flags = {
    ...dciFlags,
    'topic-id': Flags.string({ description: 'Topic id', required: true }),
    components: Flags.string({ description: 'Component ids, comma-separated', required: true }),
    name: Flags.string({ description: 'Job name' }),
    comment: Flags.string({ description: 'Comment' }),
    status: Flags.string({
      description: 'Status to reach',
      options: ['new', 'pre-run', 'running'],
      default: 'running',
    }),
  };
  async run(): Promise<void> {
    const { flags } = this;
    const dci = await this.client();
    const run = await dci.startJob({
      topic_id: flags['topic-id'],
      components: flags.components
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean),
      name: flags.name,
      comment: flags.comment,
    });
    if (flags.status !== 'new') await run.advance('pre-run');
    if (flags.status === 'running') await run.advance('running');
    this.outputOne({ ...run.job, status: run.status }, ['id', 'name', 'status', 'topic_id']);
  }
}
