import { S3aasCommand, s3aasFlags } from '../../../cli/s3aas-command.js';
import { idArg, userScopeFlags } from '../../../cli/scope-flags.js';

export default class KeyDelete extends S3aasCommand<typeof KeyDelete> {
  static override summary = 'Delete an access key (it stops working once the data plane syncs)';
  static override args = idArg('key');
  static override flags = { ...s3aasFlags, ...userScopeFlags };
  async run(): Promise<void> {
    const f = this.flags;
    await (await this.client()).accessKeys.delete(f.instance, f.user, this.args.id);
    this.printResult({ deleted: this.args.id });
  }
}
