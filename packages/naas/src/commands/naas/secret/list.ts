import { listFlags } from '@nimbus-sdk/core/cli';
import * as Flags from '@oclif/core/flags';
import { NaasCommand, naasSettingsFlags } from '../../../cli/naas-command.js';
import { pageFlags, richPreviewFlag } from '../../../cli/naas-flags.js';

export default class SecretList extends NaasCommand<typeof SecretList> {
  static override summary = 'List secret names (values only with --show-values)';
  static override flags = {
    ...naasSettingsFlags,
    ...listFlags,
    ...pageFlags,
    'show-values': Flags.boolean({ description: 'Also print every value (naas-python always did)' }),
    ...richPreviewFlag,
  };

  async run(): Promise<void> {
    const naas = await this.client();
    const { 'page-size': pageSize, 'page-number': pageNumber } = this.flags;
    const iterable = naas.secrets.list({ pageSize, pageNumber: pageSize > 0 ? Math.max(pageNumber, 1) : 0 });
    const first = await iterable.byPage()[Symbol.asyncIterator]().next();
    const secrets = first.done ? [] : first.value.items;
    if (this.flags['show-values']) {
      this.printList(
        secrets.map(({ name, value }) => ({ name, value })),
        { columns: ['name', 'value'] },
      );
      return;
    }
    for (const secret of secrets) this.registerSecret(secret.value);
    this.printList(
      secrets.map(({ name }) => ({ name })),
      { columns: ['name'] },
    );
  }
}
