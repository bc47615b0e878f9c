import { ConfigError, nimbusBaseFlags } from '@nimbus-sdk/core/cli';
import * as Args from '@oclif/core/args';
import { ProfileCommand } from '../../profiles/profile-command.js';
import { profileView } from '../../profiles/profile-view.js';

export default class ProfileShow extends ProfileCommand<typeof ProfileShow> {
  // `--profile NAME` (or NIMBUS_PROFILE) names the profile to show, as it names the one other commands read.
  static override baseFlags = nimbusBaseFlags;
  static override summary = 'Show a profile, secrets masked';
  static override args = { name: Args.string({ description: 'Profile name (default: the active one)' }) };
  static override examples = [
    '<%= config.bin %> profile show',
    '<%= config.bin %> profile show sandbox --json',
  ];

  async run(): Promise<void> {
    const store = this.store();
    const active = await store.active();
    const name = this.args.name ?? this.flags.profile ?? active;
    if (name === undefined) {
      throw new ConfigError('No active profile: name one, or run `nimbus profile use NAME`');
    }
    await this.requireProfileExists(store, name);
    const profile = (await store.get(name)) ?? {};
    this.printProfile(profileView(name, profile, name === active, await this.providers()));
  }
}
