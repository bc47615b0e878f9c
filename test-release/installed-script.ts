import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CommandResult, runCommand } from './run-command.js';

/**
 * Runs an ES module written into an install folder, so its bare imports resolve exactly as a user's
 * would: from that folder's node_modules, never from the workspace.
 */
export function runInstalledScript(
  dir: string,
  name: string,
  source: string,
  env: NodeJS.ProcessEnv,
): Promise<CommandResult> {
  const file = join(dir, name);
  writeFileSync(file, source);
  return runCommand(process.execPath, [file], { cwd: dir, env });
}

/** A long-running script from an install folder that printed one JSON line when ready. */
export interface InstalledService<T> {
  ready: T;
  stop(): Promise<void>;
}

/**
 * Starts a script that prints one JSON line once it serves and stops when its stdin closes (the
 * emulators of installed packages, started the way a user's test would start them).
 */
export async function startInstalledService<T>(
  dir: string,
  name: string,
  source: string,
  env: NodeJS.ProcessEnv,
): Promise<InstalledService<T>> {
  const file = join(dir, name);
  writeFileSync(file, source);
  const child: ChildProcess = spawn(process.execPath, [file], {
    cwd: dir,
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.stdin?.end();
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  const ready = await new Promise<T>((resolve, reject) => {
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const newline = stdout.indexOf('\n');
      if (newline >= 0) resolve(JSON.parse(stdout.slice(0, newline)) as T);
    });
    child.on('exit', (code) => reject(new Error(`${name} exited ${code} before it was ready:\n${stderr}`)));
    child.on('error', reject);
  }).catch(async (error) => {
    await stop();
    throw error;
  });
  return { ready, stop };
}
