import { ConfigError, type ValidationIssue } from '../errors/client-errors.js';
import type { ProfileField, ProfileSectionSpec, SettingKind } from '../provider/provider-plugin.js';
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
  for (const issue of kindIssues(spec.fields, section)) {
    issues.push({ path: `${provider}.${issue.path}`, message: issue.message });
  }
  for (const issue of spec.validate?.(section) ?? []) {
    issues.push({ path: `${provider}.${issue.path}`, message: issue.message });
  }
  return issues;
}

const KIND_CHECKS: Record<
  Exclude<SettingKind, 'text'>,
  { test(value: string): boolean; expected: string }
> = {
  url: {
    test: (value) => /^https?:\/\/[^/\s]/.test(value) && URL.canParse(value),
    expected: 'an http(s) URL',
  },
  integer: { test: (value) => /^-?\d+$/.test(value), expected: 'a whole number' },
  boolean: { test: (value) => /^(true|false|1|0)$/i.test(value), expected: 'true or false' },
};

/** The set values of `section` that do not fit their field's `kind` (paths are field names). */
export function kindIssues(
  fields: Readonly<Record<string, ProfileField>>,
  section: Readonly<ProfileSection>,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const [key, field] of Object.entries(fields)) {
    const value = section[key];
    if (field.kind === undefined || field.kind === 'text' || value === undefined || value === '') continue;
    const check = KIND_CHECKS[field.kind];
    if (!check.test(value)) issues.push({ path: key, message: `must be ${check.expected}` });
  }
  return issues;
}

/**
 * Throws one {@link ConfigError} (exit 2) listing every problem of a resolved section, each
 * naming the flag, variables and profile key that set it; `where` says which profile was read.
 */
export function assertSection(
  provider: string,
  spec: ProfileSectionSpec,
  section: Readonly<ProfileSection>,
  where: string,
): void {
  const issues = checkSection(provider, spec, section);
  if (issues.length === 0) return;
  const list = issues.map((issue) => `${issue.path} ${issue.message}`).join('; ');
  throw new ConfigError(`${provider} settings incomplete (${where}): ${list}`, { details: { issues } });
}
