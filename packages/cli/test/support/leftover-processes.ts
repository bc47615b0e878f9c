import { readdir, readFile } from 'node:fs/promises';
import { setTimeout as delay } from 'node:timers/promises';

/**
 * Pids of live processes started with `HOME=<home>` in their environment: everything a test's
 * CLI runs spawned, however deep (sandbox daemons, emulators, radosgw), and nothing else.
 */
export async function processesWithHome(home: string): Promise<number[]> {
  const needle = `\0HOME=${home}\0`;
  const found: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const environ = await readFile(`/proc/${entry}/environ`, 'utf8').catch(() => '');
    if (`\0${environ}`.includes(needle)) found.push(Number(entry));
  }
  return found;
}

/** Sends SIGTERM to every process {@link processesWithHome} finds, then SIGKILL to any still there after 5 s. */
export async function stopProcessesWithHome(home: string): Promise<void> {
  const signal = (pids: number[], name: NodeJS.Signals) => {
    for (const pid of pids) {
      try {
        process.kill(pid, name);
      } catch {
        // Already gone.
      }
    }
  };
  signal(await processesWithHome(home), 'SIGTERM');
  for (let i = 0; i < 50; i++) {
    if ((await processesWithHome(home)).length === 0) return;
    await delay(100);
  }
  signal(await processesWithHome(home), 'SIGKILL');
}
