import type { ProfileField } from '../provider/provider-plugin.js';
import { type FieldCandidates, pickCredentialUnit } from './credential-unit.js';
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
  /** The provider's name, for messages. Default `settings`. */
  provider?: string;
}

/** Where a resolved value came from, for `profile show --resolved` style diagnostics. */
export type SettingSource =
  | { from: 'flag'; name: string }
  | { from: 'env'; name: string }
  | { from: 'profile' };

/**
 * Merges one provider section with the precedence flags > environment variables > profile.
 * Empty strings count as unset, so `DCI_CS_URL=` does not hide the profile's value. Fields with
 * `role: 'credential'` are taken together from the highest-priority source that names any of
 * them, and a required `role: 'endpoint'` field must come from that source too (else a
 * `ConfigError`): see {@link pickCredentialUnit}.
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
  const candidates: Record<string, FieldCandidates> = {};
  for (const [key, field] of Object.entries(input.fields)) candidates[key] = candidatesOf(input, field, key);
  const unit = pickCredentialUnit(input.provider ?? 'settings', input.fields, candidates);
  const out: Record<string, { value: string; source: SettingSource }> = {};
  for (const [key, field] of Object.entries(input.fields)) {
    const found = candidates[key] as FieldCandidates;
    const levels =
      field.role === 'credential' && unit.level !== undefined
        ? [unit.level]
        : (['flag', 'env', 'profile'] as const);
    for (const level of levels) {
      const hit = found[level];
      if (hit === undefined) continue;
      out[key] = {
        value: hit.value,
        source: level === 'profile' ? { from: 'profile' } : { from: level, name: hit.name },
      };
      break;
    }
  }
  return out;
}

function candidatesOf(input: ResolveSectionInput, field: ProfileField, key: string): FieldCandidates {
  const found: FieldCandidates = {};
  const flagValue = field.flag === undefined ? undefined : input.flags?.[field.flag];
  if (field.flag !== undefined && isSet(flagValue))
    found.flag = { value: String(flagValue), name: field.flag };
  const envName = field.env?.find((name) => isSet(input.env?.[name]));
  if (envName !== undefined) found.env = { value: String(input.env?.[envName]), name: envName };
  const profileValue = input.profile?.[key];
  if (isSet(profileValue)) found.profile = { value: profileValue, name: key };
  return found;
}

function isSet(value: unknown): value is string | number | boolean {
  return (
    (typeof value === 'string' && value !== '') || typeof value === 'number' || typeof value === 'boolean'
  );
}
