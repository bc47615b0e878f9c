import { NaasCommand, naasSettingsFlags } from '../../../cli/naas-command.js';
import { nameFlag, richPreviewFlag } from '../../../cli/naas-flags.js';
import { registryColumns } from '../../../cli/registry-view.js';

export default class RegistryCreate extends NaasCommand<typeof RegistryCreate> {
  static override summary = 'Create a registry';
  static override flags = { ...naasSettingsFlags, name: nameFlag('Registry name'), ...richPreviewFlag };

  async run(): Promise<void> {
    const registry = await (await this.client()).registries.create(this.flags.name);
    this.printResult(registry, { columns: [...registryColumns] });
  }
}
