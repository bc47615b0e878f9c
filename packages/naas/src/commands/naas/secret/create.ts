import * as Flags from '@oclif/core/flags';
import { NaasCommand, naasSettingsFlags } from '../../../cli/naas-command.js';
import { nameFlag, richPreviewFlag } from '../../../cli/naas-flags.js';

export default class SecretCreate extends NaasCommand<typeof SecretCreate> {
  static override summary = 'Create a secret';
  static override flags = {
    ...naasSettingsFlags,
    name: nameFlag('Secret name'),
    value: Flags.string({ char: 'v', description: 'Secret value', required: true }),
    ...richPreviewFlag,
  };

  async run(): Promise<void> {
    this.registerSecret(this.flags.value);
    await (await this.client()).secrets.create(this.flags.name, this.flags.value);
    if (this.jsonOutput) this.printResult({ name: this.flags.name, created: true });
    else this.log('Secret Successfully created');
  }
}
