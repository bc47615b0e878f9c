import { stat } from 'node:fs/promises';
import { naasSettingsFlags } from '../../../cli/naas-command.js';
import { storageBaseFlags, storageFlag, storageWorkspaceFlag } from '../../../cli/naas-flags.js';
import { NaasWorkspaceCommand } from '../../../cli/storage-command.js';
import { transferFlags } from '../../../cli/transfer-flags.js';

export default class StoragePutObject extends NaasWorkspaceCommand<typeof StoragePutObject> {
  static override summary =
    'Upload a local file into a storage (destination ending in / keeps the file name)';
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
    const size = (await stat(this.flags.source).catch(() => undefined))?.size;
    const bar = this.progressBar('Uploading object', size);
    try {
      const result = await naas.putObject(
        {
          workspaceId: workspace,
          storageName: this.flags.storage,
          source: this.flags.source,
          destination: this.flags.destination,
        },
        { onProgress: (progress) => bar.update(progress.bytesDone) },
      );
      bar.stop();
      if (this.jsonOutput) this.printResult(result);
      else this.log(`Object uploaded: ${result.object} (${result.size} bytes)`);
    } catch (error) {
      bar.stop();
      throw error;
    }
  }
}
