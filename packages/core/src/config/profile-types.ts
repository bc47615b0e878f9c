/** One provider's settings inside a profile: field name → value (`{ "cs-url": "https://..." }`). */
export type ProfileSection = Record<string, string>;

/** A named environment: one section per provider (`{ dci: {...}, smartdc: {...} }`). */
export type Profile = Record<string, ProfileSection>;

/** One row of {@link ProfileStore.list}. */
export interface ProfileSummary {
  name: string;
  active: boolean;
  /** The providers this profile has a section for, sorted. */
  providers: string[];
}

/** The on-disk document (`profiles.json`). */
export interface ProfilesDocument {
  version: 1;
  active?: string;
  profiles: Record<string, Profile>;
}
