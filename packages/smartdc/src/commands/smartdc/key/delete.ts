import * as Args from '@oclif/core/args';
import { SmartdcCommand, smartdcFlags } from '../../../cli/smartdc-command.js';

export default class KeyDelete extends SmartdcCommand<typeof KeyDelete> {
  static override summary = 'Delete an SSH key by name or MD5 fingerprint';
  static override args = { key: Args.string({ required: true, description: 'name or MD5 fingerprint' }) };
  static override flags = { ...smartdcFlags };

  async run(): Promise<void> {
    const client = await this.client();
    await client.keys.delete(this.args.key);
    this.printResult({ key: this.args.key, deleted: true });
  }
}
