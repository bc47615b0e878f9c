import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The outcome of one CLI child process. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The workspace's built `nimbus` executable. */
export const nimbusBin = fileURLToPath(new URL('../packages/cli/bin/run.js', import.meta.url));

/**
 * Runs `node script ...args` with piped output (so it sees no TTY) and exactly `env`, nothing
 * inherited from the test runner.
 */
export function runNodeScript(
  script: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    // A child killed by a signal has no exit code; report it as a failure, never as success.
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr }));
  });
}

/** Runs `nimbus ...args` (the built workspace CLI) with exactly `env`. */
export function runNimbus(args: readonly string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  return runNodeScript(nimbusBin, args, env);
}
