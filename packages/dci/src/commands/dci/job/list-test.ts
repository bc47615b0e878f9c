import * as Args from '@oclif/core/args';
import { DciCommand, dciFlags } from '../../../cli/dci-command.js';
import { dcictlAlias } from '../../../cli/resource-commands.js';

export default class JobListTest extends DciCommand<typeof JobListTest> {
  static override aliases = [...dcictlAlias('job', 'list-test'), 'dci:job:tests'];
  static override summary = "List every test case of a job's JUnit files, with how it ended";
  static override args = { id: Args.string({ description: 'job id', required: true }) };
  static override flags = dciFlags;

  async run(): Promise<void> {
    const { id } = this.args;
    const dci = await this.client();
    const tests = await dci.jobs.tests(id, { signal: this.interruptSignal });
    this.output(tests, ['testsuite', 'classname', 'name', 'action', 'time', 'message']);
  }
}
