import { readUserFile } from '@nimbus-sdk/core/cli';
import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import { SmartdcCommand, smartdcFlags } from '../../../cli/smartdc-command.js';

export default class KeyAdd extends SmartdcCommand<typeof KeyAdd> {
  static override summary = 'Upload an SSH public key (a .pub file)';
  static override args = { file: Args.string({ required: true, description: 'OpenSSH public key file' }) };
  static override flags = {
    ...smartdcFlags,
    name: Flags.string({ char: 'n', description: 'Key name (default: its fingerprint)' }),
  };

  async run(): Promise<void> {
    const publicKey = await readUserFile(this.args.file, 'the public key file');
    const client = await this.client();
    this.printResult(
      await client.keys.add(publicKey, this.flags.name === undefined ? {} : { name: this.flags.name }),
    );
  }
}
