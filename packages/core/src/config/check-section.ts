import type { ProfileSectionSpec } from '../cli/provider-plugin.js';
import type { ValidationIssue } from '../errors/client-errors.js';
import type { ProfileSection } from './profile-types.js';

/**
 * The problems of one provider section against its spec: unknown keys, missing required fields,
 * and the provider's own cross-field checks. Paths are `<provider>.<field>`.
 */
export function checkSection(
  provider: string,
  spec: ProfileSectionSpec,
  section: Readonly<ProfileSection>,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const known = Object.keys(spec.fields);
  for (const key of Object.keys(section)) {
    if (!Object.hasOwn(spec.fields, key)) {
      issues.push({
        path: `${provider}.${key}`,
        message: `unknown setting; ${provider} knows ${known.join(', ') || 'no settings'}`,
      });
    }
  }
  for (const [key, field] of Object.entries(spec.fields)) {
    if (field.required && !section[key]) {
      const ways = [field.flag && `--${field.flag}`, ...(field.env ?? []), `profile ${provider}.${key}`];
      issues.push({
        path: `${provider}.${key}`,
        message: `required; set ${ways.filter(Boolean).join(', ')}`,
      });
    }
  }
  for (const issue of spec.validate?.(section) ?? []) {
    issues.push({ path: `${provider}.${issue.path}`, message: issue.message });
  }
  return issues;
}
