import { NotFoundError } from '@nimbus-sdk/core';
import * as Flags from '@oclif/core/flags';
import { S3aasCommand, s3aasFlags } from '../../../cli/s3aas-command.js';
import { idArg, instanceFlag } from '../../../cli/scope-flags.js';
import { policyPath } from '../../../relationship.js';

export default class UserDetachPolicy extends S3aasCommand<typeof UserDetachPolicy> {
  static override summary = 'Detach a policy from a user';
  static override args = idArg('user');
  static override flags = {
    ...s3aasFlags,
    ...instanceFlag,
    policy: Flags.string({ description: 'Policy id (uuid)', required: true }),
  };
  async run(): Promise<void> {
    const f = this.flags;
    const client = await this.client();
    const path = policyPath(f.instance, f.policy);
    const attachments = await client.policyAttachments
      .list(f.instance, this.args.id, { where: { policy: path } })
      .toArray();
    if (attachments.length === 0) {
      throw new NotFoundError(`Policy ${f.policy} is not attached to user ${this.args.id}`, { status: 404 });
    }
    for (const attachment of attachments)
      await client.policyAttachments.delete(f.instance, this.args.id, attachment.uuid);
    this.printResult({ detached: f.policy, user: this.args.id });
  }
}
