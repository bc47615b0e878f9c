import { NaasCommand, naasSettingsFlags } from '../../../cli/naas-command.js';
import { nameFlag, richPreviewFlag } from '../../../cli/naas-flags.js';
import { registryColumns } from '../../../cli/registry-view.js';

export default class RegistryGet extends NaasCommand<typeof RegistryGet> {
  static override summary = 'Show a registry';
  static override flags = { ...naasSettingsFlags, name: nameFlag('Registry name'), ...richPreviewFlag };

  async run(): Promise<void> {
    const registry = await (await this.client()).registries.get(this.flags.name);
    this.printResult(registry, { columns: [...registryColumns] });
  }
}
