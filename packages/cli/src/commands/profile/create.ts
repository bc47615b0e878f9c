import { ApiError } from '@nimbus-sdk/core/cli';
import { type Profile, resolveSection } from '@nimbus-sdk/core/provider';
import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import { ProfileCommand } from '../../profiles/profile-command.js';
import { applyEdits, parseAssignments } from '../../profiles/profile-edits.js';
import { profileView } from '../../profiles/profile-view.js';
import { assertValidProfile } from '../../profiles/validate-profile.js';

export default class ProfileCreate extends ProfileCommand<typeof ProfileCreate> {
  static override summary = 'Create a profile';
  static override description =
    'Each provider section is checked against that provider’s settings before anything is written.';
  static override args = { name: Args.string({ description: 'Profile name', required: true }) };
  static override flags = {
    set: Flags.string({ description: 'provider.setting=value (repeatable)', multiple: true, default: [] }),
    'from-env': Flags.boolean({
      description: 'Start from the providers’ environment variables (DCI_*, SDC_*, ...)',
    }),
    use: Flags.boolean({ description: 'Make it the active profile' }),
  };
  static override examples = [
    '<%= config.bin %> profile create lab --set dci.cs-url=https://api.distributed-ci.io --use',
    '<%= config.bin %> profile create from-shell --from-env',
  ];

  async run(): Promise<void> {
    const { name } = this.args;
    const assignments = parseAssignments(this.flags.set);
    const store = this.store();
    const exists = () =>
      new ApiError(
        'CONFLICT',
        `Profile "${name}" already exists; change it with \`nimbus profile edit ${name}\``,
      );
    if ((await store.get(name)) !== undefined) throw exists();
    const providers = await this.providers();
    const base: Profile = {};
    if (this.flags['from-env']) {
      for (const { plugin } of providers) {
        const section = resolveSection({ fields: plugin.profile.fields, env: process.env });
        if (Object.keys(section).length > 0) base[plugin.name] = section;
      }
    }
    const profile = applyEdits(base, assignments);
    assertValidProfile(profile, providers);
    // Checked again under the store's lock: another process may have created it meanwhile.
    if (!(await store.create(name, profile))) throw exists();
    if (this.flags.use) await store.use(name);
    this.printProfile(profileView(name, profile, (await store.active()) === name, providers));
  }
}
