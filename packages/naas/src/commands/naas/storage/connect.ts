import { naasSettingsFlags } from '../../../cli/naas-command.js';
import { storageBaseFlags, storageFlag, storageWorkspaceFlag } from '../../../cli/naas-flags.js';
import { NaasWorkspaceCommand } from '../../../cli/storage-command.js';

export default class StorageConnect extends NaasWorkspaceCommand<typeof StorageConnect> {
  static override summary =
    "Get a storage's S3 session credentials into ~/.naas/credentials (keys never printed)";
  static override baseFlags = storageBaseFlags;
  static override flags = { ...naasSettingsFlags, ...storageWorkspaceFlag, storage: storageFlag() };

  async run(): Promise<void> {
    const workspace = await this.workspace();
    const naas = await this.client();
    const session = await naas.storageSessions.renew(workspace, this.flags.storage);
    this.registerSecret(session.secretAccessKey);
    if (session.sessionToken) this.registerSecret(session.sessionToken);
    // naas-python printed the raw answer, secret key included; only where and until when here.
    this.printResult({
      workspace,
      storage: this.flags.storage,
      bucket: session.bucket,
      prefix: session.prefix,
      region: session.region,
      expiresAt: session.expiresAt.toISOString(),
      savedTo: naas.settings.credentialsFile,
    });
  }
}
