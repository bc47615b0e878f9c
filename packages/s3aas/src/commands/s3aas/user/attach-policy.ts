import * as Flags from '@oclif/core/flags';
import { S3aasCommand, s3aasFlags } from '../../../cli/s3aas-command.js';
import { idArg, instanceFlag } from '../../../cli/scope-flags.js';

export default class UserAttachPolicy extends S3aasCommand<typeof UserAttachPolicy> {
  static override summary = "Attach a policy to a user (its keys get the policy's permissions)";
  static override args = idArg('user');
  static override flags = {
    ...s3aasFlags,
    ...instanceFlag,
    policy: Flags.string({ description: 'Policy id (uuid)', required: true }),
  };
  async run(): Promise<void> {
    const f = this.flags;
    this.printResult(
      await (await this.client()).policyAttachments.create(f.instance, this.args.id, { policy: f.policy }),
    );
  }
}
