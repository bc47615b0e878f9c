import { ConfigError, type ValidationIssue } from '../errors/client-errors.js';
import type { ProfileField, ProfileSectionSpec, SettingKind } from '../provider/provider-plugin.js';
import { isDuration } from '../validation/duration.js';
import type { ProfileSection } from './profile-types.js';

/** How {@link checkSection} words its messages. */
export interface CheckSectionOptions {
  /**
   * The section is a profile being edited: messages name its keys (`smartdc.keyId`) only, never
   * the flags and environment variables that could also set them.
   */
  profileTerms?: boolean;
}

/**
 * The problems of one provider section against its spec: unknown keys, missing required fields,
 * malformed values, and the provider's own cross-field checks. Paths are `<provider>.<field>`.
 */
export function checkSection(
  provider: string,
  spec: ProfileSectionSpec,
  section: Readonly<ProfileSection>,
  options: CheckSectionOptions = {},
): ValidationIssue[] {
  const ways = (key: string, field: ProfileField) =>
    [field.flag && `--${field.flag}`, ...(field.env ?? []), `profile ${provider}.${key}`]
      .filter(Boolean)
      .join(', ');
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
      issues.push({
        path: `${provider}.${key}`,
        message: options.profileTerms ? 'required' : `required; set ${ways(key, field)}`,
      });
    }
  }
  for (const issue of kindIssues(spec.fields, section)) {
    const field = spec.fields[issue.path] as ProfileField;
    issues.push({
      path: `${provider}.${issue.path}`,
      message: options.profileTerms ? issue.message : `${issue.message} (set by ${ways(issue.path, field)})`,
    });
  }
  for (const issue of spec.validate?.(section) ?? []) {
    issues.push({
      path: `${provider}.${issue.path}`,
      message: options.profileTerms ? inProfileTerms(issue.message, provider, spec.fields) : issue.message,
    });
  }
  return issues;
}

/**
 * A provider's message with its environment variables and flags (`DCI_CLIENT_ID`, `--dci-client-id`)
 * replaced by the profile keys they set (`dci.clientId`), for messages about a profile being edited.
 */
function inProfileTerms(
  message: string,
  provider: string,
  fields: Readonly<Record<string, ProfileField>>,
): string {
  let text = message;
  for (const [key, field] of Object.entries(fields)) {
    const names = [...(field.env ?? []), ...(field.flag ? [`--${field.flag}`] : [])];
    for (const name of names.sort((a, b) => b.length - a.length)) {
      text = text.replace(
        new RegExp(`(?<![\\w-])${escapeRegExp(name)}(?![\\w-])`, 'g'),
        `${provider}.${key}`,
      );
    }
  }
  return text;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const MD5_FINGERPRINT = '(?:[0-9a-fA-F]{2}:){15}[0-9a-fA-F]{2}';
/** The key ids HTTP Signature providers sign with: a fingerprint in any common form, or a full keyId path. */
const SSH_KEY_ID = new RegExp(
  `^(?:(?:MD5:)?${MD5_FINGERPRINT}|SHA(?:256|384|512):[A-Za-z0-9+/]+={0,2}|/[^/\\s]+(?:/users/[^/\\s]+)?/keys/${MD5_FINGERPRINT})$`,
);

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
  duration: { test: isDuration, expected: 'a duration such as 30s, 2m or 1h30m' },
  'ssh-key-id': {
    test: (value) => SSH_KEY_ID.test(value),
    expected: 'an SSH key fingerprint (aa:bb:… or MD5:aa:…, SHA256:…) or /<account>/keys/<md5>',
  },
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
