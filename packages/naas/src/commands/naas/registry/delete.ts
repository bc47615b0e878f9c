import { NaasCommand, naasSettingsFlags } from '../../../cli/naas-command.js';
import { nameFlag } from '../../../cli/naas-flags.js';

export default class RegistryDelete extends NaasCommand<typeof RegistryDelete> {
  static override summary = 'Delete a registry';
  static override flags = { ...naasSettingsFlags, name: nameFlag('Registry name') };

  async run(): Promise<void> {
    await (await this.client()).registries.delete(this.flags.name);
    if (this.jsonOutput) this.printResult({ name: this.flags.name, deleted: true });
    else this.log(`Registry ${this.flags.name} deleted`);
  }
}
