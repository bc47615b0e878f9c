import { spawn } from 'node:child_process';

/** The outcome of one child process. */
export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Where and how to run a child process. */
export interface RunOptions {
  cwd: string;
  /** The child's whole environment: nothing is inherited from the test runner. */
  env: NodeJS.ProcessEnv;
  /** Kill the child after this long, so a hung install fails the test instead of the whole run. */
  timeoutMs?: number;
}

/** Runs `command ...args` (an argv array, never a shell string) and collects its output. */
export function runCommand(
  command: string,
  args: readonly string[],
  options: RunOptions,
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: options.timeoutMs ?? 240_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr }));
  });
}

/** Like `runCommand`, but a non-zero exit is an error that carries the command and its output. */
export async function runChecked(
  command: string,
  args: readonly string[],
  options: RunOptions,
): Promise<CommandResult> {
  const result = await runCommand(command, args, options);
  if (result.code !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} (in ${options.cwd}) exited ${result.code}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`,
    );
  }
  return result;
}
