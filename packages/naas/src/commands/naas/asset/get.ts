import * as Flags from '@oclif/core/flags';
import { assetColumns, assetView } from '../../../cli/asset-view.js';
import { naasSettingsFlags } from '../../../cli/naas-command.js';
import { assetWorkspaceFlag } from '../../../cli/naas-flags.js';
import { NaasWorkspaceCommand } from '../../../cli/storage-command.js';

export default class AssetGet extends NaasWorkspaceCommand<typeof AssetGet> {
  static override summary = 'Show an asset';
  static override flags = {
    ...naasSettingsFlags,
    ...assetWorkspaceFlag,
    'asset-id': Flags.string({ description: 'Asset id', required: true }),
  };

  async run(): Promise<void> {
    const asset = await (await this.client()).assets.get(await this.workspace(), this.flags['asset-id']);
    this.printResult(assetView(asset), { columns: [...assetColumns] });
  }
}
