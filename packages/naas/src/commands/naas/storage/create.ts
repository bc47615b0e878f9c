import { naasSettingsFlags } from '../../../cli/naas-command.js';
import {
  richPreviewFlag,
  storageBaseFlags,
  storageFlag,
  storageWorkspaceFlag,
} from '../../../cli/naas-flags.js';
import { NaasWorkspaceCommand } from '../../../cli/storage-command.js';

export default class StorageCreate extends NaasWorkspaceCommand<typeof StorageCreate> {
  static override summary = 'Create a storage in a workspace';
  static override baseFlags = storageBaseFlags;
  static override flags = {
    ...naasSettingsFlags,
    ...storageWorkspaceFlag,
    storage: storageFlag(),
    ...richPreviewFlag,
  };

  async run(): Promise<void> {
    const workspace = await this.workspace();
    await (await this.client()).storage.create(workspace, this.flags.storage);
    if (this.jsonOutput) this.printResult({ workspace, storage: this.flags.storage, created: true });
    else this.log(`Storage ${this.flags.storage} created.`);
  }
}
