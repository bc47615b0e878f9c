import { readFile } from 'node:fs/promises';
import { ValidationError } from '@nimbus-sdk/core';
import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import { ImsCommand, imsFlags } from '../../../cli/ims-command.js';

export default class PublicKeyCreate extends ImsCommand<typeof PublicKeyCreate> {
  static override summary = 'Register an SSH public key for job containers';
  static override args = { name: Args.string({ description: 'key name', required: true }) };
  static override flags = {
    ...imsFlags,
    'public-key-file': Flags.string({ description: 'file holding the public key (~/.ssh/id_ed25519.pub)' }),
    'public-key': Flags.string({ description: 'the public key itself' }),
  };

  async run(): Promise<void> {
    const file = this.flags['public-key-file'];
    const text = file ? (await readFile(file, 'utf8')).trim() : this.flags['public-key'];
    if (!text) {
      throw new ValidationError('Give --public-key-file or --public-key', [
        { path: 'public-key', message: 'required' },
      ]);
    }
    const ims = await this.client();
    this.printResult(await ims.publicKeys.create({ name: this.args.name, public_key: text }));
  }
}
