import { SmartdcCommand, smartdcFlags } from '../../../cli/smartdc-command.js';

export default class AccountGet extends SmartdcCommand<typeof AccountGet> {
  static override aliases = ['smartdc:account:get'];
  static override summary = 'Show the account';
  static override flags = { ...smartdcFlags };

  async run(): Promise<void> {
    const client = await this.client();
    this.printResult(await client.account.get());
  }
}
