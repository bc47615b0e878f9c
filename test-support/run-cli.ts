import { fileURLToPath } from 'node:url';
import { type PluginRun, runNodeScript } from '../packages/core/src/testing/contract/plugin-cli.js';

export { runNodeScript };

/** The outcome of one CLI child process. */
export type CliRun = PluginRun;

/** The workspace's built `nimbus` executable. */
export const nimbusBin = fileURLToPath(new URL('../packages/cli/bin/run.js', import.meta.url));

/** Runs `nimbus ...args` (the built workspace CLI) with exactly `env`. */
export function runNimbus(args: readonly string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  return runNodeScript(nimbusBin, args, env);
}
