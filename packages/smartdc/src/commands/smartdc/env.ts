import { ApiError, ValidationError } from '@nimbus-sdk/core';
import {
  assertSection,
  createProfileStore,
  nimbusConfigDir,
  resolveSection,
} from '@nimbus-sdk/core/provider';
import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import { settingsVariables, shellLines } from '../../cli/env-exports.js';
import { SmartdcCommand, smartdcFlags } from '../../cli/smartdc-command.js';
import { smartdcSettings } from '../../settings.js';

export default class SmartdcEnv extends SmartdcCommand<typeof SmartdcEnv> {
  static override summary = 'Print shell exports of TRITON_* and SDC_* for a profile, like `triton env`';
  static override description =
    'Prints the CloudAPI settings (URL, account, key id, user, key file path) of the named profile, or of what the smartdc commands would use now, as shell-quoted `export` lines; unset settings become `unset` lines. --unset prints only `unset` lines. Use it with eval "$(nimbus smartdc env --profile prod)".';
  static override examples = [
    'eval "$(<%= config.bin %> smartdc env --profile prod)"',
    'eval "$(<%= config.bin %> smartdc env --unset)"',
  ];
  static override args = { name: Args.string({ description: 'profile name (same as --profile)' }) };
  static override flags = {
    ...smartdcFlags,
    unset: Flags.boolean({ description: 'Print `unset` lines for every variable instead' }),
  };

  async run(): Promise<void> {
    const { name } = this.args;
    const flagged = this.flags.profile || undefined;
    if (name !== undefined && flagged !== undefined && name !== flagged) {
      throw new ValidationError(`two profiles named: "${name}" and --profile "${flagged}"; give one`);
    }
    const profileName = name ?? flagged;
    const settings = this.flags.unset ? {} : await this.settingsFor(profileName);
    const variables = settingsVariables(smartdcSettings, settings);
    if (profileName !== undefined && !this.flags.unset) variables.unshift(['TRITON_PROFILE', profileName]);
    if (this.flags.unset) variables.unshift(['TRITON_PROFILE', undefined]);
    if (this.jsonOutput) {
      this.printResult(
        Object.fromEntries(
          variables.map(([name, value]) => [name, this.flags.unset ? null : (value ?? null)]),
        ),
      );
      return;
    }
    process.stdout.write(shellLines(variables, this.flags.unset));
  }

  /**
   * A named profile's own settings (flags still override): the environment is left out, since its
   * SDC_* would otherwise win over the profile this command was asked to print.
   */
  private async settingsFor(profileName: string | undefined): Promise<Record<string, string>> {
    if (profileName === undefined) return this.resolveSettings(this.provider);
    const store = createProfileStore({ dir: nimbusConfigDir(process.env) });
    const profile = await store.get(profileName);
    if (profile === undefined) {
      throw new ApiError('NOT_FOUND', `No profile named "${profileName}" (see \`nimbus profile list\`)`);
    }
    const section = resolveSection({
      fields: this.provider.profile.fields,
      flags: this.flags,
      env: {},
      profile: profile[this.provider.name],
      provider: this.provider.name,
    });
    assertSection(this.provider.name, this.provider.profile, section, `profile "${profileName}"`);
    return section;
  }
}
