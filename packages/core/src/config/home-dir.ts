import { homedir } from 'node:os';

/**
 * The user's home directory as `~` means in a shell and in Python's `expanduser`: `$HOME` when set,
 * else the account's home. `os.homedir()` alone ignores a `HOME` changed in `process.env` (worker
 * threads, tests, embedding tools), so files under `~` would land in the real home.
 */
export function homeDirectory(env: Readonly<Record<string, string | undefined>> = process.env): string {
  return env.HOME || homedir();
}
