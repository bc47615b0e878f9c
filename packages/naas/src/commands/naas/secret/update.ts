import * as Flags from '@oclif/core/flags';
import { NaasCommand, naasSettingsFlags } from '../../../cli/naas-command.js';
import { nameFlag } from '../../../cli/naas-flags.js';

export default class SecretUpdate extends NaasCommand<typeof SecretUpdate> {
  static override summary = "Change a secret's value";
  static override flags = {
    ...naasSettingsFlags,
    name: nameFlag('Secret name'),
    value: Flags.string({ char: 'v', description: 'New value', required: true }),
  };

  async run(): Promise<void> {
    this.registerSecret(this.flags.value);
    await (await this.client()).secrets.update(this.flags.name, this.flags.value);
    if (this.jsonOutput) this.printResult({ name: this.flags.name, updated: true });
    else this.log(`Secret '${this.flags.name}' updated`);
  }
}
