import { join } from 'node:path';
import { nimbusConfigDir } from '@nimbus-sdk/core/provider';

/** Where a sandbox keeps its files: all under `<config dir>/sandbox/`. */
export interface SandboxPaths {
  dir: string;
  /** pid, status and services of the running sandbox. */
  stateFile: string;
  /** stdout/stderr of a detached sandbox. */
  logFile: string;
  /** Per-run scratch space handed to providers (keys, credential files) and RGW. */
  runDir: string;
}

/** The sandbox paths for the current environment (`XDG_CONFIG_HOME`). */
export function sandboxPaths(env: Readonly<Record<string, string | undefined>> = process.env): SandboxPaths {
  const dir = join(nimbusConfigDir(env), 'sandbox');
  return {
    dir,
    stateFile: join(dir, 'state.json'),
    logFile: join(dir, 'sandbox.log'),
    runDir: join(dir, 'run'),
  };
}

/** The name of the profile the sandbox writes. */
export const SANDBOX_PROFILE = 'sandbox';
