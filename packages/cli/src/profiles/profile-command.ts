import { ApiError, NimbusCommand, profilelessBaseFlags, renderTable } from '@nimbus-sdk/core/cli';
import { createProfileStore, nimbusConfigDir, type ProfileStore } from '@nimbus-sdk/core/provider';
import type { Command } from '@oclif/core';
import { type InstalledProvider, installedProviders } from '../providers/installed-providers.js';
import type { ProfileView } from './profile-view.js';
import { profileRows } from './profile-view.js';

/** Shared plumbing of the `profile` commands: the store, installed providers, printing a profile. */
export abstract class ProfileCommand<T extends typeof Command> extends NimbusCommand<T> {
  // They name the profile they act on as an argument; only `profile show` also takes --profile.
  static override baseFlags = profilelessBaseFlags;

  protected store(): ProfileStore {
    return createProfileStore({ dir: nimbusConfigDir(process.env) });
  }

  protected providers(): Promise<InstalledProvider[]> {
    return installedProviders(this.config);
  }

  protected async requireProfileExists(store: ProfileStore, name: string): Promise<void> {
    if ((await store.get(name)) === undefined) {
      throw new ApiError('NOT_FOUND', `No profile named "${name}" (see \`nimbus profile list\`)`);
    }
  }

  protected printProfile(view: ProfileView): void {
    if (this.jsonOutput) {
      this.printResult(view);
      return;
    }
    process.stdout.write(`Profile ${view.name}${view.active ? ' (active)' : ''}\n`);
    const rows = profileRows(view);
    if (rows.length === 0) {
      process.stdout.write(
        '  no provider settings yet: nimbus profile edit NAME --set provider.setting=value\n',
      );
      return;
    }
    process.stdout.write(
      renderTable(rows, {
        columns: ['provider', 'setting', 'value'],
        sort: this.flags.sort,
        header: !this.flags['no-header'],
      }),
    );
  }
}
