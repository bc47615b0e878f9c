import { spawn } from 'node:child_process';
import { mkdir, open, readFile } from 'node:fs/promises';
import { setTimeout as delay } from 'node:timers/promises';
import type { SandboxPaths } from './sandbox-paths.js';
import { readSandboxState, type SandboxState } from './sandbox-state.js';

/**
 * Starts `nimbus sandbox up` as a detached background process (its output in the sandbox log)
 * and resolves with its state once every service is ready. If the process dies first, the
 * error carries the end of its log.
 */
export async function startDetachedSandbox(
  binPath: string,
  upArgs: readonly string[],
  paths: SandboxPaths,
  timeoutMs: number,
): Promise<SandboxState> {
  await mkdir(paths.dir, { recursive: true, mode: 0o700 });
  const log = await open(paths.logFile, 'w', 0o600);
  let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const child = spawn(process.execPath, [binPath, 'sandbox', 'up', ...upArgs], {
    detached: true,
    stdio: ['ignore', log.fd, log.fd],
    env: process.env,
  });
  await log.close();
  child.on('exit', (code, signal) => {
    exited = { code, signal };
  });
  child.unref();
  const pid = child.pid;
  if (pid === undefined) throw new Error('Could not start the background sandbox process');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const state = await readSandboxState(paths.stateFile);
    if (state?.pid === pid && state.status === 'ready') return state;
    if (exited) {
      const tail = (await readFile(paths.logFile, 'utf8').catch(() => ''))
        .trim()
        .split('\n')
        .slice(-5)
        .join(' | ');
      throw new Error(
        `The background sandbox exited (code ${exited.code ?? exited.signal}): ${tail || 'no output'}`,
      );
    }
    await delay(100);
  }
  process.kill(pid, 'SIGTERM');
  throw new Error(
    `The background sandbox was not ready after ${Math.round(timeoutMs / 1000)} s; see ${paths.logFile}`,
  );
}
