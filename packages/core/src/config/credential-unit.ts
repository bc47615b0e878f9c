import { ConfigError } from '../errors/client-errors.js';
import type { ProfileField } from '../provider/provider-plugin.js';

/** The sources of a setting, highest priority first. */
export type SourceLevel = 'flag' | 'env' | 'profile';
const LEVELS: readonly SourceLevel[] = ['flag', 'env', 'profile'];

/** One field's value at each source level where it is set, and the name it was set under. */
export type FieldCandidates = Partial<Record<SourceLevel, { value: string; name: string }>>;

/** What {@link pickCredentialUnit} decided. */
export interface CredentialUnit {
  /** The level every credential comes from; `undefined` when no source names a credential. */
  level?: SourceLevel;
}

/**
 * Credentials are a unit. The highest-priority source that supplies any credential field supplies
 * all of them, so `DCI_LOGIN`/`DCI_PASSWORD` from `source dcirc.sh` never sign with a profile's API
 * secret, and `SDC_ACCOUNT=bob` never pairs with a profile's key. A required endpoint (the URL the
 * secrets are sent to) must come from that same source: a secret is never sent to a URL that came
 * from somewhere else. Throws a `ConfigError` (exit 2) naming the sources that disagree.
 */
export function pickCredentialUnit(
  provider: string,
  fields: Readonly<Record<string, ProfileField>>,
  candidates: Readonly<Record<string, FieldCandidates>>,
): CredentialUnit {
  const credentialKeys = Object.keys(fields).filter((key) => fields[key]?.role === 'credential');
  const level = LEVELS.find((at) => credentialKeys.some((key) => candidates[key]?.[at] !== undefined));
  if (level === undefined) return {};
  for (const [key, field] of Object.entries(fields)) {
    if (field.role !== 'endpoint' || !field.required) continue;
    const winner = LEVELS.find((at) => candidates[key]?.[at] !== undefined);
    if (winner === undefined || winner === level) continue;
    const secrets = credentialKeys
      .map((k) => candidates[k]?.[level]?.name)
      .filter((name): name is string => name !== undefined);
    const endpoint = candidates[key]?.[winner]?.name ?? key;
    const sameSource = sourceName(level, fields[key] as ProfileField, key);
    const secretNames = level === 'flag' ? secrets.map((name) => `--${name}`) : secrets;
    throw new ConfigError(
      `${provider} credentials come from ${describe(level, secrets)} but ${key} comes from ${describe(winner, [endpoint])}: ` +
        `credentials are only sent to a URL from the same source. Set ${sameSource} as well, or drop ${secretNames.join(', ')} to use ${describe(winner, [])} for both.`,
      {
        details: {
          issues: [
            { path: 'credentials', message: `from ${describe(level, secrets)}` },
            { path: key, message: `from ${describe(winner, [endpoint])}` },
          ],
        },
      },
    );
  }
  return { level };
}

function describe(level: SourceLevel, names: readonly string[]): string {
  const shown = level === 'flag' ? names.map((name) => `--${name}`) : names;
  const list = shown.length > 0 ? ` (${shown.join(', ')})` : '';
  if (level === 'flag') return `flags${list}`;
  if (level === 'env') return `environment variables${list}`;
  return 'the profile';
}

function sourceName(level: SourceLevel, field: ProfileField, key: string): string {
  if (level === 'flag' && field.flag) return `--${field.flag}`;
  if (level === 'env' && field.env?.length) return field.env[0] as string;
  return `the profile's ${key}`;
}
