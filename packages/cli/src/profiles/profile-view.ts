import { maskSection, type Profile } from '@nimbus-sdk/core/provider';
import { type InstalledProvider, providerNamed } from '../providers/installed-providers.js';

/** What `profile show` (and create/edit) print: the profile with every secret masked. */
export interface ProfileView {
  name: string;
  active: boolean;
  sections: Profile;
}

/** The masked view of a profile; sections of providers not installed are masked by key name. */
export function profileView(
  name: string,
  profile: Readonly<Profile>,
  active: boolean,
  providers: readonly InstalledProvider[],
): ProfileView {
  const sections: Profile = {};
  for (const [provider, section] of Object.entries(profile)) {
    sections[provider] = maskSection(
      providerNamed(providers, provider)?.plugin.profile.fields ?? {},
      section,
    );
  }
  return { name, active, sections };
}

/** The rows of a profile view as a table: one per setting. */
export function profileRows(view: ProfileView): { provider: string; setting: string; value: string }[] {
  return Object.entries(view.sections).flatMap(([provider, section]) =>
    Object.entries(section).map(([setting, value]) => ({ provider, setting, value })),
  );
}
