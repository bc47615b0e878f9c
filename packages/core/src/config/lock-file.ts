import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ConfigError } from '../errors/client-errors.js';
import { sleep } from '../waiters/sleep.js';

/** Options of {@link withLockFile}. */
export interface LockFileOptions {
  /** Give up waiting for the lock after this long. Default 10 000 ms. */
  timeoutMs?: number;
  /** A lock older than this is taken over even if its process seems alive (pid reuse). Default 60 000 ms. */
  staleMs?: number;
}

interface LockOwner {
  pid: number;
  nonce: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readOwner(path: string): Promise<{ owner: LockOwner | undefined; ageMs: number } | undefined> {
  try {
    const [text, info] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
    let owner: LockOwner | undefined;
    try {
      owner = JSON.parse(text) as LockOwner;
    } catch {
      owner = undefined; // Being written right now, or torn by a crash: judged by age alone.
    }
    return { owner, ageMs: Date.now() - info.mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Runs `critical` while holding `path` (created with O_EXCL, holding this pid), so read-modify-write
 * cycles of several processes on one file take turns instead of losing each other's changes. A lock
 * whose process is gone, or older than `staleMs`, is taken over; waiting longer than `timeoutMs` is
 * a {@link ConfigError} naming the lock file and its holder.
 *
 * @example await withLockFile(`${file}.lock`, async () => save(edit(await load())))
 */
export async function withLockFile<T>(
  path: string,
  critical: () => Promise<T>,
  options: LockFileOptions = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const staleMs = options.staleMs ?? 60_000;
  const me: LockOwner = { pid: process.pid, nonce: randomBytes(8).toString('hex') };
  const deadline = Date.now() + timeoutMs;
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  for (let wait = 5; ; wait = Math.min(wait * 2, 100)) {
    try {
      const handle = await open(path, 'wx', 0o600);
      try {
        await handle.writeFile(JSON.stringify(me));
      } finally {
        await handle.close();
      }
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const held = await readOwner(path);
    if (!held) continue;
    const stale = held.ageMs > staleMs || (held.owner !== undefined && !alive(held.owner.pid));
    if (stale) {
      // Re-read just before removing, so a lock a third process took meanwhile is left alone.
      const again = await readOwner(path);
      if (again && again.owner?.nonce === held.owner?.nonce) await rm(path, { force: true });
      continue;
    }
    if (Date.now() >= deadline) {
      const holder = held.owner ? `process ${held.owner.pid}` : 'another process';
      throw new ConfigError(
        `${path} has been locked by ${holder} for over ${timeoutMs} ms; if no nimbus command is running, remove that file`,
      );
    }
    await sleep(wait + Math.floor(Math.random() * wait));
  }
  try {
    return await critical();
  } finally {
    const held = await readOwner(path).catch(() => undefined);
    if (held?.owner?.nonce === me.nonce) await rm(path, { force: true });
  }
}
