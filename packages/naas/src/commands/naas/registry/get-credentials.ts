import { chmod, open } from 'node:fs/promises';
import * as Flags from '@oclif/core/flags';
import { NaasCommand, naasSettingsFlags } from '../../../cli/naas-command.js';
import { nameFlag } from '../../../cli/naas-flags.js';

export default class RegistryGetCredentials extends NaasCommand<typeof RegistryGetCredentials> {
  static override summary =
    "Print a registry's docker credentials, or write them to a 0600 file with --output";
  static override flags = {
    ...naasSettingsFlags,
    name: nameFlag('Registry name'),
    // No -o: that is every command's --columns.
    output: Flags.string({
      description: 'Write the credentials JSON to this file (mode 0600, never overwritten) instead of stdout',
    }),
  };

  async run(): Promise<void> {
    const credentials = await (await this.client()).registries.credentials(this.flags.name);
    this.registerSecret(credentials.credentials.password);
    const path = this.flags.output;
    if (path) {
      // naas-python dropped ./<name>-credentials.txt with default permissions; here only on request, 0600.
      const handle = await open(path, 'wx', 0o600);
      try {
        await handle.writeFile(`${JSON.stringify(credentials, null, 2)}\n`);
      } finally {
        await handle.close();
      }
      await chmod(path, 0o600);
      if (this.jsonOutput) this.printResult({ name: credentials.name, output: path });
      else this.log(`Registry credentials saved to '${path}' (mode 0600)`);
      return;
    }
    this.printResult(
      this.jsonOutput
        ? credentials
        : {
            name: credentials.name,
            username: credentials.credentials.username,
            password: credentials.credentials.password,
          },
    );
  }
}
