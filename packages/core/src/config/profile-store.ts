import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError } from '../errors/client-errors.js';
import { writeFileAtomic } from './atomic-write.js';
import { nimbusConfigDir } from './config-dir.js';
import { type LockFileOptions, withLockFile } from './lock-file.js';
import { assertProfileName } from './profile-name.js';
import type { Profile, ProfileSummary, ProfilesDocument } from './profile-types.js';

/** Options of {@link createProfileStore}. */
export interface ProfileStoreOptions {
  /** Directory holding `profiles.json`. Default {@link nimbusConfigDir} of `env`. */
  dir?: string;
  /** Environment used to find the default directory. Default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** How long a write waits for another process's write (`profiles.json.lock`). */
  lock?: LockFileOptions;
}

/**
 * Named profiles on disk. Every write replaces the file atomically with mode 0600, and its
 * read-modify-write holds `profiles.json.lock`, so concurrent processes never lose each other's profiles.
 */
export interface ProfileStore {
  readonly dir: string;
  /** The file profiles are kept in. */
  readonly file: string;
  list(): Promise<ProfileSummary[]>;
  /** The profile, or `undefined` when there is none of that name. */
  get(name: string): Promise<Profile | undefined>;
  /** Creates or replaces a profile. */
  put(name: string, profile: Profile): Promise<void>;
  /** Creates a profile; `false` (and nothing written) when one of that name exists. */
  create(name: string, profile: Profile): Promise<boolean>;
  /**
   * Replaces a profile with `edit(current)` in one locked read-modify-write; `undefined` (nothing
   * written) when there is no profile of that name. A throwing `edit` writes nothing.
   */
  update(name: string, edit: (current: Profile) => Profile): Promise<Profile | undefined>;
  /** Removes a profile (and clears it as the active one); `false` when it did not exist. */
  delete(name: string): Promise<boolean>;
  /** The name of the active profile, if one is set. */
  active(): Promise<string | undefined>;
  /** Makes an existing profile the active one. */
  use(name: string): Promise<void>;
  /**
   * Makes `next` the active profile (none when `undefined`) only while `current` is: what a
   * temporary profile such as the sandbox's uses to give back the previous one without overriding
   * a choice made since. `false` (nothing written) when another profile is active.
   */
  handBack(current: string, next: string | undefined): Promise<boolean>;
}

/**
 * Opens the profile store of `$XDG_CONFIG_HOME/nimbus` (or `dir`). Nothing is written until a
 * profile is saved.
 *
 * @example
 * const store = createProfileStore();
 * await store.put('lab', { dci: { 'cs-url': 'https://api.distributed-ci.io' } });
 * await store.use('lab');
 */
export function createProfileStore(options: ProfileStoreOptions = {}): ProfileStore {
  const dir = options.dir ?? nimbusConfigDir(options.env);
  const file = join(dir, 'profiles.json');

  async function load(): Promise<ProfilesDocument> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, profiles: {} };
      throw new ConfigError(`Cannot read ${file}: ${(error as Error).message}`, { cause: error });
    }
    return parseDocument(text, file);
  }

  async function save(document: ProfilesDocument): Promise<void> {
    await writeFileAtomic(file, `${JSON.stringify(document, null, 2)}\n`);
  }

  /** Loads, lets `edit` change the document (returning `false` to write nothing), saves: all under the lock. */
  function modify<T>(edit: (document: ProfilesDocument) => T | false): Promise<T | false> {
    return withLockFile(
      `${file}.lock`,
      async () => {
        const document = await load();
        const result = edit(document);
        if (result !== false) await save(document);
        return result;
      },
      options.lock,
    );
  }

  return {
    dir,
    file,
    async list() {
      const document = await load();
      return Object.keys(document.profiles)
        .sort()
        .map((name) => ({
          name,
          active: document.active === name,
          providers: Object.keys(document.profiles[name] ?? {}).sort(),
        }));
    },
    async get(name) {
      const document = await load();
      return Object.hasOwn(document.profiles, name) ? document.profiles[name] : undefined;
    },
    async put(name, profile) {
      assertProfileName(name);
      await modify((document) => {
        document.profiles[name] = profile;
      });
    },
    async create(name, profile) {
      assertProfileName(name);
      const created = await modify((document) => {
        if (Object.hasOwn(document.profiles, name)) return false;
        document.profiles[name] = profile;
        return true;
      });
      return created === true;
    },
    async update(name, edit) {
      const updated = await modify((document) => {
        const current = Object.hasOwn(document.profiles, name) ? document.profiles[name] : undefined;
        if (current === undefined) return false;
        const next = edit(current);
        document.profiles[name] = next;
        return next;
      });
      return updated === false ? undefined : updated;
    },
    async delete(name) {
      const deleted = await modify((document) => {
        if (!Object.hasOwn(document.profiles, name)) return false;
        delete document.profiles[name];
        if (document.active === name) delete document.active;
        return true;
      });
      return deleted === true;
    },
    async active() {
      return (await load()).active;
    },
    async use(name) {
      await modify((document) => {
        if (!Object.hasOwn(document.profiles, name)) {
          throw new ConfigError(`No profile named "${name}" (see \`nimbus profile list\`)`);
        }
        document.active = name;
      });
    },
    async handBack(current, next) {
      let changed = false;
      await modify((document) => {
        if (document.active !== current) return false;
        if (next !== undefined && Object.hasOwn(document.profiles, next)) document.active = next;
        else delete document.active;
        changed = true;
      });
      return changed;
    },
  };
}

function parseDocument(text: string, file: string): ProfilesDocument {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ConfigError(`${file} is not valid JSON; fix or remove it`);
  }
  if (!isRecord(raw) || !isRecord(raw.profiles)) {
    throw new ConfigError(`${file} has no "profiles" object; fix or remove it`);
  }
  // Null prototypes: names read from the file are data, even `__proto__`.
  const profiles: Record<string, Profile> = Object.create(null);
  for (const [name, profile] of Object.entries(raw.profiles)) {
    if (!isRecord(profile)) throw new ConfigError(`${file}: profile "${name}" is not an object`);
    const sections: Profile = Object.create(null);
    for (const [provider, section] of Object.entries(profile)) {
      if (!isRecord(section)) {
        throw new ConfigError(`${file}: profile "${name}" section "${provider}" is not an object`);
      }
      const values: Record<string, string> = Object.create(null);
      for (const [key, value] of Object.entries(section)) {
        if (typeof value !== 'string') {
          throw new ConfigError(`${file}: profile "${name}" ${provider}.${key} must be a string`);
        }
        values[key] = value;
      }
      sections[provider] = values;
    }
    profiles[name] = sections;
  }
  const active = typeof raw.active === 'string' ? raw.active : undefined;
  return active === undefined ? { version: 1, profiles } : { version: 1, active, profiles };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
