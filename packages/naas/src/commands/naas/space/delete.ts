import { NaasCommand, naasSettingsFlags } from '../../../cli/naas-command.js';
import { nameFlag } from '../../../cli/naas-flags.js';

export default class SpaceDelete extends NaasCommand<typeof SpaceDelete> {
  static override summary = 'Delete a space';
  static override flags = { ...naasSettingsFlags, name: nameFlag('Space name') };

  async run(): Promise<void> {
    await (await this.client()).spaces.delete(this.flags.name);
    if (this.jsonOutput) this.printResult({ name: this.flags.name, deleted: true });
    else this.log(`Space ${this.flags.name} deleted successfully`);
  }
}
