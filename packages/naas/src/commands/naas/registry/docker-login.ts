import { NaasCommand, naasSettingsFlags } from '../../../cli/naas-command.js';
import { nameFlag } from '../../../cli/naas-flags.js';
import { dockerLogin } from '../../../docker/registry-login.js';

export default class RegistryDockerLogin extends NaasCommand<typeof RegistryDockerLogin> {
  static override summary =
    'Log docker in to a registry (password passed on stdin, never on the command line)';
  static override flags = { ...naasSettingsFlags, name: nameFlag('Registry name') };

  async run(): Promise<void> {
    const uri = await dockerLogin((await this.client()).registries, this.flags.name);
    if (this.jsonOutput) this.printResult({ name: this.flags.name, uri, loggedIn: true });
    else this.log(`You can now push containers to '${uri}'`);
  }
}
