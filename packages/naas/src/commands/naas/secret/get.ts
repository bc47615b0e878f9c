import { NaasCommand, naasSettingsFlags } from '../../../cli/naas-command.js';
import { nameFlag, richPreviewFlag } from '../../../cli/naas-flags.js';

export default class SecretGet extends NaasCommand<typeof SecretGet> {
  static override summary = "Print a secret's value";
  static override flags = { ...naasSettingsFlags, name: nameFlag('Secret name'), ...richPreviewFlag };

  async run(): Promise<void> {
    const secret = await (await this.client()).secrets.get(this.flags.name);
    // Printing the value is this command's purpose, as in naas-python.
    if (this.jsonOutput) this.printResult({ name: secret.name, value: secret.value });
    else this.writeRaw(secret.value);
  }
}
