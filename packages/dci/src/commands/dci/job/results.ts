import * as Args from '@oclif/core/args';
import { DciCommand, dciFlags } from '../../../cli/dci-command.js';
import { dcictlAlias } from '../../../cli/resource-commands.js';

export default class JobResults extends DciCommand<typeof JobResults> {
  static override aliases = dcictlAlias('job', 'results');
  static override summary = "List a job's test results: the counts of each JUnit file it uploaded";
  static override args = { id: Args.string({ description: 'job id', required: true }) };
  static override flags = dciFlags;

  async run(): Promise<void> {
    const { id } = this.args;
    const dci = await this.client();
    const results = await dci.jobs.results(id, { signal: this.interruptSignal });
    this.output(results, ['filename', 'name', 'total', 'success', 'failures', 'errors', 'skips', 'time']);
  }
}
