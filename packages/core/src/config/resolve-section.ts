import type { ProfileField } from '../provider/provider-plugin.js';
import type { ProfileSection } from './profile-types.js';

/** Input of {@link resolveSection}. */
export interface ResolveSectionInput {
  /** The provider's fields (its `ProfileSectionSpec.fields`). */
  fields: Readonly<Record<string, ProfileField>>;
  /** Parsed command-line flags, keyed by oclif flag name (`dci-cs-url`). */
  flags?: Readonly<Record<string, unknown>>;
  /** Environment variables. */
  env?: Readonly<Record<string, string | undefined>>;
  /** The provider's section of the selected profile. */
  profile?: Readonly<ProfileSection>;
}

/** Where a resolved value came from, for `profile show --resolved` style diagnostics. */
export type SettingSource =
  | { from: 'flag'; name: string }
  | { from: 'env'; name: string }
  | { from: 'profile' };

/**
 * Merges one provider section with the precedence flags > environment variables > profile.
 * Empty strings count as unset, so `DCI_CS_URL=` does not hide the profile's value.
 *
 * @example
 * resolveSection({ fields, flags: { 'dci-cs-url': 'http://x' }, env: process.env, profile: lab.dci })
 */
export function resolveSection(input: ResolveSectionInput): ProfileSection {
  const values: ProfileSection = {};
  for (const [key, { value }] of Object.entries(explainSection(input))) values[key] = value;
  return values;
}

/** Like {@link resolveSection}, with the source of each value. */
export function explainSection(
  input: ResolveSectionInput,
): Record<string, { value: string; source: SettingSource }> {
  const out: Record<string, { value: string; source: SettingSource }> = {};
  for (const [key, field] of Object.entries(input.fields)) {
    const flagValue = field.flag === undefined ? undefined : input.flags?.[field.flag];
    if (field.flag !== undefined && isSet(flagValue)) {
      out[key] = { value: String(flagValue), source: { from: 'flag', name: field.flag } };
      continue;
    }
    const envName = field.env?.find((name) => isSet(input.env?.[name]));
    if (envName !== undefined) {
      out[key] = { value: String(input.env?.[envName]), source: { from: 'env', name: envName } };
      continue;
    }
    const profileValue = input.profile?.[key];
    if (isSet(profileValue)) out[key] = { value: profileValue, source: { from: 'profile' } };
  }
  return out;
}

function isSet(value: unknown): value is string | number | boolean {
  return (
    (typeof value === 'string' && value !== '') || typeof value === 'number' || typeof value === 'boolean'
  );
}
