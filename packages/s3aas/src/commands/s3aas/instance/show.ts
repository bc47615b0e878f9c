import { S3aasCommand, s3aasFlags } from '../../../cli/s3aas-command.js';
import { idArg } from '../../../cli/scope-flags.js';

export default class InstanceShow extends S3aasCommand<typeof InstanceShow> {
  static override summary = 'Show one instance';
  static override args = idArg('instance');
  static override flags = s3aasFlags;
  async run(): Promise<void> {
    this.printResult(await (await this.client()).instances.get(this.args.id));
  }
}
