import { naasSettingsFlags } from '../../../cli/naas-command.js';
import { storageBaseFlags, storageFlag, storageWorkspaceFlag } from '../../../cli/naas-flags.js';
import { NaasWorkspaceCommand } from '../../../cli/storage-command.js';
import { transferFlags } from '../../../cli/transfer-flags.js';

export default class StorageGetObject extends NaasWorkspaceCommand<typeof StorageGetObject> {
  static override summary = 'Download an object of a storage to a local file';
  static override baseFlags = storageBaseFlags;
  static override flags = {
    ...naasSettingsFlags,
    ...storageWorkspaceFlag,
    storage: storageFlag(),
    ...transferFlags(),
  };

  async run(): Promise<void> {
    const workspace = await this.workspace();
    const naas = await this.client();
    const result = await naas.getObject({
      workspaceId: workspace,
      storageName: this.flags.storage,
      source: this.flags.source,
      destination: this.flags.destination,
    });
    // With `-` the object itself is the output; a summary would corrupt it.
    if (result.path === '-') return;
    if (this.jsonOutput) this.printResult(result);
    else this.log(`Object downloaded: ${result.path} (${result.size} bytes)`);
  }
}
