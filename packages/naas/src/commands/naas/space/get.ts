import { NaasCommand, naasSettingsFlags } from '../../../cli/naas-command.js';
import { nameFlag, richPreviewFlag } from '../../../cli/naas-flags.js';
import { spaceRow } from '../../../cli/space-view.js';

export default class SpaceGet extends NaasCommand<typeof SpaceGet> {
  static override summary = 'Show a space';
  static override flags = { ...naasSettingsFlags, name: nameFlag('Space name'), ...richPreviewFlag };

  async run(): Promise<void> {
    const space = await (await this.client()).spaces.get(this.flags.name);
    if (this.jsonOutput) this.printResult(space);
    else this.printResult(spaceRow(space));
  }
}
