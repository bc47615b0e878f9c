import * as Args from '@oclif/core/args';
import { ProfileCommand } from '../../profiles/profile-command.js';

export default class ProfileUse extends ProfileCommand<typeof ProfileUse> {
  static override summary = 'Make a profile the active one';
  static override args = { name: Args.string({ description: 'Profile name', required: true }) };

  async run(): Promise<void> {
    const { name } = this.args;
    const store = this.store();
    await this.requireProfileExists(store, name);
    await store.use(name);
    if (this.jsonOutput) this.printResult({ name, active: true });
    else process.stdout.write(`Active profile: ${name}\n`);
  }
}
