import { spawn } from 'node:child_process';
import { binPath } from './isolated-home.js';

/** The outcome of one `nimbus` child process. */
export interface NimbusRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/run.js ...args` with piped output (so it sees no TTY) and an exact environment. */
export function runNimbus(args: readonly string[], env: NodeJS.ProcessEnv): Promise<NimbusRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [binPath, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
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
