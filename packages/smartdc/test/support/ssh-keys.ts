import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sshpk from 'sshpk';

const run = promisify(execFile);

/** A key pair ssh-keygen wrote to disk. */
export interface TestKey {
  privateKeyFile: string;
  publicKey: string;
  md5: string;
  sha256: string;
}

/** A fresh temporary directory, removed by the returned cleanup. */
export async function tempDir(prefix: string): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

/** Generates a key with the real ssh-keygen (PEM private key, OpenSSH .pub). */
export async function generateKey(
  dir: string,
  name: string,
  type: 'rsa' | 'ecdsa',
  passphrase = '',
): Promise<TestKey> {
  const file = join(dir, name);
  const bits = type === 'rsa' ? '2048' : '256';
  await run('ssh-keygen', [
    '-q',
    '-t',
    type,
    '-b',
    bits,
    '-m',
    'PEM',
    '-N',
    passphrase,
    '-C',
    `${name}@nimbus-test`,
    '-f',
    file,
  ]);
  const publicKey = (await readFile(`${file}.pub`, 'utf8')).trim();
  const parsed = sshpk.parseKey(publicKey, 'ssh');
  return {
    privateKeyFile: file,
    publicKey,
    md5: parsed.fingerprint('md5').toString('hex'),
    sha256: parsed.fingerprint('sha256').toString('base64'),
  };
}
