import { baseFlagsCeding } from '@nimbus-sdk/core/cli';
import * as Flags from '@oclif/core/flags';
import { assetColumns, assetView } from '../../../cli/asset-view.js';
import { naasSettingsFlags } from '../../../cli/naas-command.js';
import { assetWorkspaceFlag, richPreviewFlag, storageFlag } from '../../../cli/naas-flags.js';
import { NaasWorkspaceCommand } from '../../../cli/storage-command.js';

export default class AssetCreate extends NaasWorkspaceCommand<typeof AssetCreate> {
  static override summary = 'Create an asset (a shareable link) for a stored object';
  // naas-python's -s, -o and -p (password); --sort, --columns and --profile keep their long names here.
  static override baseFlags = baseFlagsCeding(['s', 'o', 'p']);
  static override flags = {
    ...naasSettingsFlags,
    ...assetWorkspaceFlag,
    storage: storageFlag(),
    object: Flags.string({ char: 'o', description: 'Object path in the storage', required: true }),
    'object-version': Flags.string({ description: 'Object version' }),
    visibility: Flags.string({ description: 'public or private' }),
    'content-disposition': Flags.string({ description: 'inline or attachment' }),
    password: Flags.string({ char: 'p', description: 'Password protecting the link' }),
    ...richPreviewFlag,
  };

  async run(): Promise<void> {
    const f = this.flags;
    if (f.password) this.registerSecret(f.password);
    const workspace = await this.workspace();
    const asset = await (await this.client()).assets.create(workspace, {
      storage_name: f.storage,
      object_name: f.object,
      ...(f['object-version'] ? { object_version: f['object-version'] } : {}),
      ...(f.visibility ? { visibility: f.visibility } : {}),
      ...(f['content-disposition'] ? { content_disposition: f['content-disposition'] } : {}),
      ...(f.password ? { password: f.password } : {}),
    });
    this.printResult(assetView(asset), { columns: [...assetColumns] });
  }
}
