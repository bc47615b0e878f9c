import { listFlags } from '@nimbus-sdk/core/cli';
import { NaasCommand, naasSettingsFlags } from '../../../cli/naas-command.js';
import { pageFlags, richPreviewFlag } from '../../../cli/naas-flags.js';

export default class SpaceList extends NaasCommand<typeof SpaceList> {
  static override summary = 'List spaces';
  static override flags = { ...naasSettingsFlags, ...listFlags, ...pageFlags, ...richPreviewFlag };

  async run(): Promise<void> {
    const naas = await this.client();
    const { 'page-size': pageSize, 'page-number': pageNumber } = this.flags;
    const iterable = naas.spaces.list({ pageSize, pageNumber: pageSize > 0 ? Math.max(pageNumber, 1) : 0 });
    // naas-python shows one page for --page-size; without it the server answers everything at once.
    const first = await iterable.byPage()[Symbol.asyncIterator]().next();
    const spaces = first.done ? [] : first.value.items;
    this.printList(spaces, { columns: ['name', 'user_id', 'id', 'domain'] });
  }
}
