import { S3aasCommand, s3aasFlags } from '../../../cli/s3aas-command.js';
import { idArg, userScopeFlags } from '../../../cli/scope-flags.js';

export default class KeyShow extends S3aasCommand<typeof KeyShow> {
  static override summary = 'Show one access key (without its secret)';
  static override args = idArg('key');
  static override flags = { ...s3aasFlags, ...userScopeFlags };
  async run(): Promise<void> {
    const f = this.flags;
    this.printResult(await (await this.client()).accessKeys.get(f.instance, f.user, this.args.id));
  }
}
