import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isApiError } from '../../src/index.js';
import { withLockFile } from '../../src/provider/index.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nimbus-lock-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('withLockFile', () => {
  it('runs critical sections one at a time and removes the lock afterwards', async () => {
    const lock = join(dir, 'x.lock');
    let inside = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 10 }, () =>
        withLockFile(lock, async () => {
          inside++;
          most = Math.max(most, inside);
          await new Promise((resolve) => setTimeout(resolve, 5));
          inside--;
        }),
      ),
    );
    expect(most).toBe(1);
    expect(existsSync(lock)).toBe(false);
  });

  it('takes over a lock whose process is gone', async () => {
    const lock = join(dir, 'x.lock');
    // pid 2^22 + 1 is above Linux's pid_max: no such process can exist.
    await writeFile(lock, JSON.stringify({ pid: 4_194_305, nonce: 'dead' }));
    expect(await withLockFile(lock, async () => 'ran', { timeoutMs: 1_000 })).toBe('ran');
  });

  it('gives up after its timeout with a ConfigError naming the lock and its holder', async () => {
    const lock = join(dir, 'x.lock');
    await writeFile(lock, JSON.stringify({ pid: process.pid, nonce: 'mine' }));
    const error = await withLockFile(lock, async () => 'ran', { timeoutMs: 50 }).catch((e: unknown) => e);
    expect(isApiError(error) && error.code).toBe('CONFIG');
    expect((error as Error).message).toContain(lock);
    expect((error as Error).message).toContain(`process ${process.pid}`);
  });
});
