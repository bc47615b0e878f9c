import { isSecretKey } from '../errors/redact.js';
import type { ProfileField } from '../provider/provider-plugin.js';
import type { ProfileSection } from './profile-types.js';

/** What `profile show` prints for a secret: its length is hidden too. */
export const MASK = '********';

/**
 * A copy of `section` with every secret value masked: fields marked `secret`, and any key whose
 * name looks like a credential (so a field a provider forgot to mark is still hidden).
 */
export function maskSection(
  fields: Readonly<Record<string, ProfileField>>,
  section: Readonly<ProfileSection>,
): ProfileSection {
  const out: ProfileSection = {};
  for (const [key, value] of Object.entries(section)) {
    out[key] = isSecretField(fields, key) && value !== '' ? MASK : value;
  }
  return out;
}

/** True when a section key holds a credential. */
export function isSecretField(fields: Readonly<Record<string, ProfileField>>, key: string): boolean {
  return fields[key]?.secret === true || isSecretKey(key);
}
