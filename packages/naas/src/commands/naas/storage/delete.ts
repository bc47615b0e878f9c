import { naasSettingsFlags } from '../../../cli/naas-command.js';
import { storageBaseFlags, storageFlag, storageWorkspaceFlag } from '../../../cli/naas-flags.js';
import { NaasWorkspaceCommand } from '../../../cli/storage-command.js';

export default class StorageDelete extends NaasWorkspaceCommand<typeof StorageDelete> {
  static override summary = 'Delete a storage';
  static override baseFlags = storageBaseFlags;
  static override flags = { ...naasSettingsFlags, ...storageWorkspaceFlag, storage: storageFlag() };

  async run(): Promise<void> {
    const workspace = await this.workspace();
    await (await this.client()).storage.delete(workspace, this.flags.storage);
    if (this.jsonOutput) this.printResult({ workspace, storage: this.flags.storage, deleted: true });
    else this.log(`Storage ${this.flags.storage} deleted.`);
  }
}
