import { spawn } from 'node:child_process';

/** What one CLI child process did. */
export interface CliRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs this CLI's bin as a child process with an argument array (never a shell string), so a demo
 * step is exactly what a user would type.
 */
export function runCli(binPath: string, argv: readonly string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [binPath, ...argv], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      resolve({
        exitCode: code ?? (signal ? 128 : 1),
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      });
    });
  });
}

/** `argv` with `--profile <name>` added before any `--` so it is read as a flag. */
export function withProfile(argv: readonly string[], profile: string): string[] {
  const end = argv.indexOf('--');
  const flags = ['--profile', profile];
  return end === -1 ? [...argv, ...flags] : [...argv.slice(0, end), ...flags, ...argv.slice(end)];
}
