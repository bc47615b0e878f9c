import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Where CSM mounts the `admin-client-auth` secret when `OAUTH_CONFIG_DIR` is not set. */
export const DEFAULT_OAUTH_CONFIG_DIR = '/etc/admin-client-auth';

/** The files of the secret and the environment variable each one stands for. */
const FILES = [
  ['client-id', 'OAUTH_CLIENT_ID'],
  ['client-secret', 'OAUTH_CLIENT_SECRET'],
  ['endpoint', 'OAUTH_CLIENT_ENDPOINT'],
] as const;

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The OAuth2 settings found in `OAUTH_CONFIG_DIR` (default `/etc/admin-client-auth` when it is a
 * directory): `client-id`, `client-secret` and `endpoint`, each whitespace-stripped. A missing file
 * is simply not a source (the helper's CLI crashed at import on one).
 */
export function readOAuthConfigDir(env: Env): Partial<Record<(typeof FILES)[number][1], string>> {
  const dir = env.OAUTH_CONFIG_DIR || DEFAULT_OAUTH_CONFIG_DIR;
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return {};
  const found: Partial<Record<(typeof FILES)[number][1], string>> = {};
  for (const [file, variable] of FILES) {
    const path = join(dir, file);
    if (!existsSync(path)) continue;
    const value = readFileSync(path, 'utf8').trim();
    if (value) found[variable] = value;
  }
  return found;
}

/**
 * The environment with the config directory's values filled in where a variable is unset, so
 * settings resolve as flags > environment > files > profile.
 */
export function environmentWithOAuthConfigDir(env: Env): Record<string, string | undefined> {
  const merged: Record<string, string | undefined> = { ...env };
  for (const [variable, value] of Object.entries(readOAuthConfigDir(env))) {
    if (!merged[variable]) merged[variable] = value;
  }
  return merged;
}
