import * as Flags from '@oclif/core/flags';
import { parseBulkSecrets } from '../../../cli/bulk-secrets.js';
import { NaasCommand, naasSettingsFlags } from '../../../cli/naas-command.js';

export default class SecretBulkCreate extends NaasCommand<typeof SecretBulkCreate> {
  static override summary = 'Create several secrets at once';
  static override flags = {
    ...naasSettingsFlags,
    secrets: Flags.string({
      description: 'JSON array of {"name","value"}, or NAME=value pairs separated by commas',
      required: true,
    }),
  };

  async run(): Promise<void> {
    const secrets = parseBulkSecrets(this.flags.secrets);
    for (const secret of secrets) this.registerSecret(String(secret.value));
    await (await this.client()).secrets.bulkCreate(secrets);
    if (this.jsonOutput)
      this.printList(
        secrets.map(({ name }) => ({ name, created: true })),
        { columns: ['name'] },
      );
    else this.log(`${secrets.length} secrets successfully created: ${secrets.map((s) => s.name).join(', ')}`);
  }
}
