import { listFlags } from '@nimbus-sdk/core/cli';
import { SmartdcCommand, smartdcFlags } from '../../../cli/smartdc-command.js';

export default class KeyList extends SmartdcCommand<typeof KeyList> {
  static override summary = 'List the SSH keys of the account';
  static override flags = { ...smartdcFlags, ...listFlags };

  async run(): Promise<void> {
    const client = await this.client();
    this.printList(await client.keys.list(), { columns: ['name', 'fingerprint'] });
  }
}
