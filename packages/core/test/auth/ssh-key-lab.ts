import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A throwaway directory of ssh-keygen keys, plus an optional real ssh-agent. */
export interface SshKeyLab {
  dir: string;
  /** Makes `dir/<name>` and `dir/<name>.pub`; returns the OpenSSH public line. */
  keygen(
    name: string,
    type: 'rsa' | 'ecdsa' | 'ed25519',
    bits?: number,
    passphrase?: string,
  ): Promise<string>;
  /** Starts `ssh-agent -D -a <sock>` and adds the named keys. */
  startAgent(keys: string[]): Promise<string>;
  close(): Promise<void>;
}

export async function createSshKeyLab(): Promise<SshKeyLab> {
  const dir = await mkdtemp(join(tmpdir(), 'nimbus-ssh-'));
  let agent: ChildProcess | undefined;
  return {
    dir,
    async keygen(name, type, bits, passphrase = '') {
      const args = ['-q', '-t', type, '-N', passphrase, '-C', `${name}@test`, '-f', join(dir, name)];
      if (bits) args.push('-b', String(bits));
      await run('ssh-keygen', args);
      return (await readFile(join(dir, `${name}.pub`), 'utf8')).trim();
    },
    async startAgent(keys) {
      const socket = join(dir, 'agent.sock');
      agent = spawn('ssh-agent', ['-D', '-a', socket], { stdio: 'ignore' });
      for (let i = 0; i < 200 && !existsSync(socket); i++) await new Promise((r) => setTimeout(r, 25));
      if (!existsSync(socket)) throw new Error('ssh-agent did not create its socket');
      for (const key of keys) {
        await run('ssh-add', [join(dir, key)], { env: { ...process.env, SSH_AUTH_SOCK: socket } });
      }
      return socket;
    },
    async close() {
      if (agent && agent.exitCode === null) {
        const exited = new Promise((resolve) => agent?.once('exit', resolve));
        agent.kill('SIGTERM');
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
