import { waitFlags } from '@nimbus-sdk/core/cli';
import { S3aasCommand, s3aasFlags } from '../../../cli/s3aas-command.js';
import { idArg } from '../../../cli/scope-flags.js';

export default class InstanceDelete extends S3aasCommand<typeof InstanceDelete> {
  static override summary = 'Delete an instance with its buckets, users, keys and policies';
  static override args = idArg('instance');
  static override flags = { ...s3aasFlags, ...waitFlags };
  async run(): Promise<void> {
    const client = await this.client();
    await client.instances.delete(this.args.id);
    if (this.flags.wait) {
      await this.waitWithSpinner(`Waiting for instance ${this.args.id} to go`, (control) =>
        client.waitForInstance(this.args.id, 'DELETED', control),
      );
    }
    this.printResult({ deleted: this.args.id });
  }
}
