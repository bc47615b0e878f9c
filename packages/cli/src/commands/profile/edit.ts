import { ValidationError } from '@nimbus-sdk/core/cli';
import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import { ProfileCommand } from '../../profiles/profile-command.js';
import { applyEdits, parseAssignments, parseRemovals } from '../../profiles/profile-edits.js';
import { profileView } from '../../profiles/profile-view.js';
import { assertValidProfile } from '../../profiles/validate-profile.js';

export default class ProfileEdit extends ProfileCommand<typeof ProfileEdit> {
  static override summary = 'Change settings of a profile';
  static override args = { name: Args.string({ description: 'Profile name', required: true }) };
  static override flags = {
    set: Flags.string({ description: 'provider.setting=value (repeatable)', multiple: true, default: [] }),
    unset: Flags.string({
      description: 'provider.setting, or provider for the whole section',
      multiple: true,
      default: [],
    }),
  };
  static override examples = [
    '<%= config.bin %> profile edit lab --set smartdc.account=alice',
    '<%= config.bin %> profile edit lab --unset dci',
  ];

  async run(): Promise<void> {
    const { name } = this.args;
    const assignments = parseAssignments(this.flags.set);
    const removals = parseRemovals(this.flags.unset);
    if (assignments.length === 0 && removals.length === 0) {
      throw new ValidationError(
        'Nothing to change: pass --set provider.setting=value or --unset provider.setting',
      );
    }
    const store = this.store();
    await this.requireProfileExists(store, name);
    const providers = await this.providers();
    // One locked read-modify-write, so a concurrent edit of another setting is not lost.
    const profile = await store.update(name, (current) => {
      const edited = applyEdits(current, assignments, removals);
      assertValidProfile(edited, providers);
      return edited;
    });
    if (profile === undefined) return this.requireProfileExists(store, name);
    this.printProfile(profileView(name, profile, (await store.active()) === name, providers));
  }
}
