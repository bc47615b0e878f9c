import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A real ssh-agent in the foreground on a private socket. */
export interface RunningAgent {
  socketPath: string;
  add(privateKeyFile: string): Promise<void>;
  stop(): Promise<void>;
}

/** Spawns `ssh-agent -D -a <socket>` and waits until the socket answers `ssh-add -l`. */
export async function startSshAgent(dir: string): Promise<RunningAgent> {
  const socketPath = join(dir, 'agent.sock');
  const child: ChildProcess = spawn('ssh-agent', ['-D', '-a', socketPath], { stdio: 'ignore' });
  const env = { ...process.env, SSH_AUTH_SOCK: socketPath };
  for (let attempt = 0; ; attempt++) {
    const ready = await access(socketPath).then(
      () => true,
      () => false,
    );
    if (ready) break;
    if (attempt > 200 || child.exitCode !== null) {
      child.kill();
      throw new Error(`ssh-agent did not create ${socketPath}`);
    }
    await sleep(25);
  }
  return {
    socketPath,
    add: async (privateKeyFile) => {
      await run('ssh-add', [privateKeyFile], { env });
    },
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
