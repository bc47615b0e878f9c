import { type ListFlagValues, listFlags, listOptionsOf } from '../../../cli/list-flags.js';
import { S3aasCommand, s3aasFlags } from '../../../cli/s3aas-command.js';
import { userScopeFlags } from '../../../cli/scope-flags.js';

export default class KeyList extends S3aasCommand<typeof KeyList> {
  static override summary = "List a user's access keys (never their secrets)";
  static override flags = { ...s3aasFlags, ...userScopeFlags, ...listFlags };
  async run(): Promise<void> {
    const flags = this.flags;
    const { options, sorted } = listOptionsOf(flags as unknown as ListFlagValues);
    const keys = await this.takeList(
      (await this.client()).accessKeys.list(flags.instance, flags.user, options),
      { sorted },
    );
    this.printList(keys, { sorted, columns: ['uuid', 'access_key', 'name', 'status', 'created_at'] });
  }
}
