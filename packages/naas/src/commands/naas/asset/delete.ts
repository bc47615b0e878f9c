import * as Flags from '@oclif/core/flags';
import { naasSettingsFlags } from '../../../cli/naas-command.js';
import { assetWorkspaceFlag } from '../../../cli/naas-flags.js';
import { NaasWorkspaceCommand } from '../../../cli/storage-command.js';

export default class AssetDelete extends NaasWorkspaceCommand<typeof AssetDelete> {
  static override summary = 'Delete an asset';
  static override flags = {
    ...naasSettingsFlags,
    ...assetWorkspaceFlag,
    'asset-id': Flags.string({ description: 'Asset id', required: true }),
  };

  async run(): Promise<void> {
    const id = this.flags['asset-id'];
    await (await this.client()).assets.delete(await this.workspace(), id);
    if (this.jsonOutput) this.printResult({ id, deleted: true });
    else this.log('Done.');
  }
}
