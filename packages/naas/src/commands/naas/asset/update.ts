import * as Flags from '@oclif/core/flags';
import { assetColumns, assetView } from '../../../cli/asset-view.js';
import { naasSettingsFlags } from '../../../cli/naas-command.js';
import { assetWorkspaceFlag } from '../../../cli/naas-flags.js';
import { NaasWorkspaceCommand } from '../../../cli/storage-command.js';

export default class AssetUpdate extends NaasWorkspaceCommand<typeof AssetUpdate> {
  static override summary = "Change an asset's visibility or content disposition";
  static override flags = {
    ...naasSettingsFlags,
    ...assetWorkspaceFlag,
    'asset-id': Flags.string({ description: 'Asset id', required: true }),
    visibility: Flags.string({ description: 'public or private' }),
    'content-disposition': Flags.string({ description: 'inline or attachment' }),
  };

  async run(): Promise<void> {
    const f = this.flags;
    const asset = await (await this.client()).assets.update(await this.workspace(), f['asset-id'], {
      ...(f.visibility ? { visibility: f.visibility } : {}),
      ...(f['content-disposition'] ? { content_disposition: f['content-disposition'] } : {}),
    });
    this.printResult(assetView(asset), { columns: [...assetColumns] });
  }
}
