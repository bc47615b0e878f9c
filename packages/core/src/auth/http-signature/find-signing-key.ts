import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type sshpk from 'sshpk';
import { homeDirectory } from '../../config/home-dir.js';
import { SigningError } from '../../errors/index.js';
import { parseFingerprint } from './fingerprint.js';
import type { KeySigner } from './key-signer.js';
import { parsePrivateKeyText, signerFromKey } from './private-key.js';
import { signatureAlgorithmFor } from './signature-algorithm.js';
import { createSshAgentClient } from './ssh-agent-client.js';
import { sshpkModule } from './sshpk-module.js';

/** Where {@link findSigningKey} looks. */
export interface FindSigningKeyOptions {
  /** Any accepted fingerprint form (see `parseFingerprint`). */
  fingerprint: string;
  /** Directory of `X` + `X.pub` pairs. Default `~/.ssh`; `false` looks only in the agent. */
  sshDir?: string | false;
  /** Passphrase for an encrypted key found on disk. */
  passphrase?: string;
  /** The agent to ask when no file matches; `false` skips it. Default: `$SSH_AUTH_SOCK` when set. */
  agent?: { socketPath?: string } | false;
}

const NOT_KEYS = new Set(['known_hosts', 'known_hosts.old', 'authorized_keys', 'config', 'environment']);

/**
 * Finds the key with `fingerprint` like node-smartdc-auth: `sshDir` pairs first (matched on the
 * public half, so encrypted keys are found too), then the ssh-agent. Fails with a
 * {@link SigningError} listing every fingerprint seen, or saying the key is encrypted.
 */
export async function findSigningKey(options: FindSigningKeyOptions): Promise<KeySigner> {
  const wanted = parseFingerprint(options.fingerprint);
  const sshDir = options.sshDir === false ? undefined : (options.sshDir ?? join(homeDirectory(), '.ssh'));
  const candidates = new Set<string>();
  let encryptedMatch: SigningError | undefined;

  for (const file of sshDir ? await listKeyFiles(sshDir) : []) {
    const path = join(sshDir as string, file);
    const publicKey = await readPublicKey(path);
    if (!publicKey) continue;
    candidates.add(publicKey.fingerprint('md5').toString('hex'));
    if (!wanted.matches(publicKey)) continue;
    const privateText = await readFile(path).catch(() => undefined);
    if (!privateText) continue;
    try {
      return signerFromKey(parsePrivateKeyText(privateText, options.passphrase, path), 'homedir');
    } catch (error) {
      if (!(error instanceof SigningError)) throw error;
      encryptedMatch = error;
    }
  }

  const agentSocket =
    options.agent === false ? undefined : (options.agent?.socketPath ?? process.env.SSH_AUTH_SOCK);
  if (agentSocket) {
    const agent = createSshAgentClient({ socketPath: agentSocket });
    for (const identity of await agent.listIdentities()) {
      candidates.add(identity.fingerprint);
      if (!wanted.matches(identity.key)) continue;
      signatureAlgorithmFor(identity.key);
      return {
        fingerprint: identity.fingerprint,
        keyType: identity.key.type,
        source: 'agent',
        sign: recentSignatureCache((data) => agent.sign(identity, data)),
      };
    }
  }

  if (encryptedMatch) throw encryptedMatch;
  const wantedText = wanted.toString();
  throw new SigningError(`No SSH key matches fingerprint ${wantedText}`, {
    fingerprint: wantedText,
    candidates: [...candidates],
    hint: `looked in ${sshDir ?? 'no key directory'}${agentSocket ? ` and the ssh-agent at ${agentSocket}` : ' (no ssh-agent)'}`,
  });
}

async function listKeyFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const present = new Set(names);
  return names
    .filter((name) => !name.endsWith('.pub') && !NOT_KEYS.has(name) && present.has(`${name}.pub`))
    .sort();
}

async function readPublicKey(privatePath: string): Promise<sshpk.Key | undefined> {
  try {
    return sshpkModule().parseKey(await readFile(`${privatePath}.pub`), 'auto');
  } catch {
    return undefined;
  }
}

const REUSE_MS = 10_000;

/**
 * Reuses the signature of identical data for 10 s, like node-smartdc-auth, so an agent that asks
 * the user to confirm each use is not prompted again for a retried request.
 */
function recentSignatureCache(sign: KeySigner['sign'], now: () => number = Date.now): KeySigner['sign'] {
  let last:
    | { data: Buffer; at: number; result: Promise<{ algorithm: string; signature: string }> }
    | undefined;
  return (data) => {
    if (last?.data.equals(data) && now() - last.at < REUSE_MS) return last.result;
    const result = sign(data);
    const entry = { data: Buffer.from(data), at: now(), result };
    last = entry;
    result.catch(() => {
      if (last === entry) last = undefined;
    });
    return result;
  };
}
