import { baseFlagsCeding } from '@nimbus-sdk/core/cli';
import * as Flags from '@oclif/core/flags';
import { naasSettingsFlags } from '../../../cli/naas-command.js';
import { storageFlag, storageWorkspaceFlag } from '../../../cli/naas-flags.js';
import { NaasWorkspaceCommand } from '../../../cli/storage-command.js';

export default class StorageDeleteObject extends NaasWorkspaceCommand<typeof StorageDeleteObject> {
  static override summary = 'Delete one object (dir/name)';
  // naas-python's -s (storage) and -o (object); --sort and --columns keep their long names here.
  static override baseFlags = baseFlagsCeding(['s', 'o']);
  static override flags = {
    ...naasSettingsFlags,
    ...storageWorkspaceFlag,
    storage: storageFlag(),
    object: Flags.string({ char: 'o', description: 'Object path, e.g. dir1/a.txt', required: true }),
  };

  async run(): Promise<void> {
    const workspace = await this.workspace();
    await (await this.client()).storage.deleteObject(workspace, this.flags.storage, this.flags.object);
    if (this.jsonOutput)
      this.printResult({ workspace, storage: this.flags.storage, object: this.flags.object, deleted: true });
    else this.log('Object deleted.');
  }
}
