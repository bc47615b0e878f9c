import { ValidationError, type ValidationIssue } from '@nimbus-sdk/core/cli';
import type { Profile } from '@nimbus-sdk/core/provider';

/** Names that would address an object's prototype instead of a section or setting. */
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

/** One `--set provider.key=value`. */
export interface SettingAssignment {
  provider: string;
  key: string;
  value: string;
}

/** Parses `--set` values; throws a {@link ValidationError} listing every malformed one. */
export function parseAssignments(values: readonly string[]): SettingAssignment[] {
  const issues: ValidationIssue[] = [];
  const out: SettingAssignment[] = [];
  for (const text of values) {
    const match = /^([a-z][a-z0-9-]*)\.([A-Za-z0-9_-]+)=(.*)$/s.exec(text);
    if (match && (RESERVED.has(match[1] as string) || RESERVED.has(match[2] as string))) {
      issues.push({ path: `${match[1]}.${match[2]}`, message: 'a reserved name, not a provider setting' });
      continue;
    }
    if (!match) {
      // Never echo the value: it may be a secret.
      const shown = text.includes('=') ? `${text.slice(0, text.indexOf('='))}=…` : text;
      issues.push({ path: shown, message: 'expected provider.setting=value, e.g. dci.cs-url=https://…' });
      continue;
    }
    out.push({ provider: match[1] as string, key: match[2] as string, value: match[3] as string });
  }
  if (issues.length > 0) {
    throw new ValidationError(
      `Bad --set: ${issues.map((i) => `${i.path} (${i.message})`).join('; ')}`,
      issues,
    );
  }
  return out;
}

/** Parses `--unset provider` (whole section) or `--unset provider.key`. */
export function parseRemovals(values: readonly string[]): { provider: string; key?: string }[] {
  return values.map((text) => {
    const match = /^([a-z][a-z0-9-]*)(?:\.([A-Za-z0-9_-]+))?$/.exec(text);
    if (!match) {
      throw new ValidationError(`Bad --unset "${text}": expected provider or provider.setting`, [
        { path: text, message: 'expected provider or provider.setting' },
      ]);
    }
    return match[2] === undefined
      ? { provider: match[1] as string }
      : { provider: match[1] as string, key: match[2] };
  });
}

/** A new profile with the assignments and removals applied; `profile` is not modified. */
export function applyEdits(
  profile: Readonly<Profile>,
  assignments: readonly SettingAssignment[],
  removals: readonly { provider: string; key?: string }[] = [],
): Profile {
  // Null prototypes: a provider or setting name is only ever data.
  const next: Profile = Object.create(null);
  for (const [provider, section] of Object.entries(profile)) {
    const copy: Record<string, string> = Object.create(null);
    for (const [key, value] of Object.entries(section)) copy[key] = value;
    next[provider] = copy;
  }
  for (const { provider, key } of removals) {
    if (key === undefined) delete next[provider];
    else if (next[provider]) delete next[provider][key];
  }
  for (const { provider, key, value } of assignments) {
    const section: Record<string, string> = next[provider] ?? Object.create(null);
    section[key] = value;
    next[provider] = section;
  }
  for (const [provider, section] of Object.entries(next)) {
    if (Object.keys(section).length === 0) delete next[provider];
  }
  return next;
}
