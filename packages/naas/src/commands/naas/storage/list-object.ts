import { baseFlagsCeding, listFlags } from '@nimbus-sdk/core/cli';
import * as Flags from '@oclif/core/flags';
import { naasSettingsFlags } from '../../../cli/naas-command.js';
import { richPreviewFlag, storageFlag, storageWorkspaceFlag } from '../../../cli/naas-flags.js';
import { NaasWorkspaceCommand } from '../../../cli/storage-command.js';

export default class StorageListObject extends NaasWorkspaceCommand<typeof StorageListObject> {
  static override summary = 'List the objects and folders under a prefix';
  // naas-python's -s (storage) and -p (prefix); --sort and --profile keep their long names here.
  static override baseFlags = baseFlagsCeding(['s', 'p']);
  static override flags = {
    ...naasSettingsFlags,
    ...listFlags,
    ...storageWorkspaceFlag,
    storage: storageFlag(),
    prefix: Flags.string({ char: 'p', description: 'Folder to list; default the top', default: '' }),
    ...richPreviewFlag,
  };

  async run(): Promise<void> {
    const workspace = await this.workspace();
    const objects = await (await this.client()).storage.listObjects(
      workspace,
      this.flags.storage,
      this.flags.prefix,
    );
    this.printList(objects, { columns: ['name', 'type', 'prefix', 'size', 'lastmodified'] });
  }
}
