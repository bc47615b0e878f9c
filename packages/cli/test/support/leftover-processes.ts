import { readdir, readFile } from 'node:fs/promises';

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
