import * as Flags from '@oclif/core/flags';
import { S3aasCommand, s3aasFlags } from '../../../cli/s3aas-command.js';
import { idArg, instanceFlag } from '../../../cli/scope-flags.js';

export default class UserUpdate extends S3aasCommand<typeof UserUpdate> {
  static override summary = "Change a user's description (the name is fixed)";
  static override args = idArg('user');
  static override flags = {
    ...s3aasFlags,
    ...instanceFlag,
    description: Flags.string({ description: 'New description', required: true }),
  };
  async run(): Promise<void> {
    const f = this.flags;
    this.printResult(
      await (await this.client()).users.update(f.instance, this.args.id, { description: f.description }),
    );
  }
}
