import { waitFlags } from '@nimbus-sdk/core/cli';
import * as Flags from '@oclif/core/flags';
import { S3aasCommand, s3aasFlags } from '../../../cli/s3aas-command.js';
import { userScopeFlags } from '../../../cli/scope-flags.js';

export default class KeyCreate extends S3aasCommand<typeof KeyCreate> {
  static override summary = 'Create an access key; its secret is printed this once (--json includes it)';
  static override flags = {
    ...s3aasFlags,
    ...userScopeFlags,
    ...waitFlags,
    name: Flags.string({ description: 'Key name' }),
    description: Flags.string({ description: 'Free text' }),
  };
  async run(): Promise<void> {
    const f = this.flags;
    const client = await this.client();
    const key = await client.accessKeys.create(f.instance, f.user, {
      name: f.name,
      description: f.description,
    });
    if (f.wait) {
      const credentials = { accessKeyId: key.access_key, secretAccessKey: key.secret_key };
      await this.waitWithSpinner(`Waiting for key ${key.access_key} to work on the data plane`, (control) =>
        client.waitForAccessKey(f.instance, credentials, control),
      );
    }
    this.printResult(key, { columns: ['uuid', 'access_key', 'secret_key', 'user', 'name'] });
    if (!this.jsonOutput) process.stderr.write('Keep the secret_key now: it is never shown again.\n');
  }
}
