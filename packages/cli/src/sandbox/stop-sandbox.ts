import { setTimeout as delay } from 'node:timers/promises';
import { handBackProfile } from './hand-back-profile.js';
import { isProcessAlive, readSandboxState, removeSandboxState } from './sandbox-state.js';

/** What `sandbox down` found and did. */
export interface StopOutcome {
  /** The pid that was running, if any. */
  pid?: number;
  stopped: boolean;
  /** True when it had to be killed after ignoring SIGTERM. */
  killed: boolean;
}

/**
 * Asks the sandbox process to stop (SIGTERM, so it closes its emulators and RGW), waits for it to
 * exit, and kills it when it does not within `graceMs`. A state file left by a dead process is
 * removed.
 */
export async function stopSandbox(stateFile: string, graceMs: number): Promise<StopOutcome> {
  const state = await readSandboxState(stateFile);
  if (state === undefined) return { stopped: false, killed: false };
  // A sandbox that stops cleanly hands its profile back itself; this covers one that was killed.
  const outcome = await stopProcess(stateFile, state.pid, graceMs);
  await handBackProfile(state);
  return outcome;
}

async function stopProcess(stateFile: string, pid: number, graceMs: number): Promise<StopOutcome> {
  if (!isProcessAlive(pid)) {
    await removeSandboxState(stateFile, pid);
    return { pid: pid, stopped: false, killed: false };
  }
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!isProcessAlive(pid)) {
      await removeSandboxState(stateFile, pid);
      return { pid: pid, stopped: true, killed: false };
    }
    await delay(50);
  }
  process.kill(pid, 'SIGKILL');
  await removeSandboxState(stateFile, pid);
  return { pid: pid, stopped: true, killed: true };
}
