import { listFlags } from '@nimbus-sdk/core/cli';
import { NaasCommand, naasSettingsFlags } from '../../../cli/naas-command.js';
import { pageFlags, richPreviewFlag } from '../../../cli/naas-flags.js';
import { registryColumns } from '../../../cli/registry-view.js';

export default class RegistryList extends NaasCommand<typeof RegistryList> {
  static override summary = 'List registries';
  static override flags = { ...naasSettingsFlags, ...listFlags, ...pageFlags, ...richPreviewFlag };

  async run(): Promise<void> {
    const naas = await this.client();
    const { 'page-size': pageSize, 'page-number': pageNumber } = this.flags;
    const iterable = naas.registries.list({
      pageSize,
      pageNumber: pageSize > 0 ? Math.max(pageNumber, 1) : 0,
    });
    const first = await iterable.byPage()[Symbol.asyncIterator]().next();
    this.printList(first.done ? [] : first.value.items, { columns: [...registryColumns] });
  }
}
