import { NaasCommand, naasSettingsFlags } from '../../../cli/naas-command.js';
import { nameFlag } from '../../../cli/naas-flags.js';

export default class SecretDelete extends NaasCommand<typeof SecretDelete> {
  static override summary = 'Delete a secret';
  static override flags = { ...naasSettingsFlags, name: nameFlag('Secret name') };

  async run(): Promise<void> {
    await (await this.client()).secrets.delete(this.flags.name);
    if (this.jsonOutput) this.printResult({ name: this.flags.name, deleted: true });
    else this.log(`Secret '${this.flags.name}' deleted successfully`);
  }
}
