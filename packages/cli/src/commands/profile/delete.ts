import * as Args from '@oclif/core/args';
import { ProfileCommand } from '../../profiles/profile-command.js';

export default class ProfileDelete extends ProfileCommand<typeof ProfileDelete> {
  static override summary = 'Delete a profile';
  static override args = { name: Args.string({ description: 'Profile name', required: true }) };

  async run(): Promise<void> {
    const { name } = this.args;
    const store = this.store();
    await this.requireProfileExists(store, name);
    await store.delete(name);
    if (this.jsonOutput) this.printResult({ name, deleted: true });
    else process.stdout.write(`Deleted profile ${name}\n`);
  }
}
