import { readFileSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { writeFileAtomic } from '@nimbus-sdk/core/provider';

/** One service the sandbox runs. */
export interface SandboxServiceState {
  /** Provider name (`dci`), or `s3` for the local Ceph RGW. */
  name: string;
  title: string;
  url: string;
  /** Extra environment its commands need (never secrets: those are in the profile). */
  env?: Record<string, string>;
  /**
   * Sandbox-only identities to try it with: the S3 keys of the local RGW, a provider's other
   * seeded users. They open nothing outside this machine's emulators.
   */
  credentials?: Record<string, string>;
}

/** The state file of a sandbox process. */
export interface SandboxState {
  pid: number;
  status: 'starting' | 'ready';
  startedAt: string;
  profile: string;
  /**
   * True when this sandbox made its profile the active one (nothing else was): stopping it hands
   * the choice back, so no command is left pointing at emulators that are gone.
   */
  activatedProfile?: boolean;
  services: SandboxServiceState[];
}

/** The state file's content, or `undefined` when there is none (or it is unreadable). */
export async function readSandboxState(file: string): Promise<SandboxState | undefined> {
  try {
    const state = JSON.parse(await readFile(file, 'utf8')) as SandboxState;
    return typeof state.pid === 'number' && Array.isArray(state.services) ? state : undefined;
  } catch {
    return undefined;
  }
}

export async function writeSandboxState(file: string, state: SandboxState): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(state, null, 2)}\n`);
}

/** Removes the state file, but only while it still describes process `pid` (a newer sandbox keeps its own). */
export async function removeSandboxState(file: string, pid: number): Promise<void> {
  const state = await readSandboxState(file);
  if (state === undefined || state.pid === pid) await rm(file, { force: true });
}

/**
 * True when a process with this pid runs. Signal 0 checks existence; on Linux a zombie (exited,
 * not yet reaped, as happens in containers whose init does not reap) also counts as gone.
 */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    // No /proc entry: on Linux the process just went away; elsewhere /proc does not exist.
    return process.platform !== 'linux';
  }
}
