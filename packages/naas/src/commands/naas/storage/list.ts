import { listFlags } from '@nimbus-sdk/core/cli';
import { naasSettingsFlags } from '../../../cli/naas-command.js';
import { richPreviewFlag, storageWorkspaceFlag } from '../../../cli/naas-flags.js';
import { NaasWorkspaceCommand } from '../../../cli/storage-command.js';

export default class StorageList extends NaasWorkspaceCommand<typeof StorageList> {
  static override summary = "List a workspace's storages";
  static override flags = { ...naasSettingsFlags, ...listFlags, ...storageWorkspaceFlag, ...richPreviewFlag };

  async run(): Promise<void> {
    const names = await (await this.client()).storage.list(await this.workspace());
    this.printList(
      names.map((name) => ({ name })),
      { columns: ['name'] },
    );
  }
}
