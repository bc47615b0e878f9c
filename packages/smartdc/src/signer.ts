import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import {
  type AuthContext,
  type AuthStrategy,
  cloudApiKeyId,
  findSigningKey,
  type HttpSignatureOptions,
  httpSignature,
  parseFingerprint,
  type SignableRequest,
  SigningError,
} from '@nimbus-sdk/core';
import sshpk from 'sshpk';
import type { SmartdcClientOptions } from './client-options.js';

/** `aa:bb:…`, `SHA256:…`, or the fingerprint at the end of a full `/<account>/keys/<fp>` keyId. */
function fingerprintText(keyId: string): string {
  return keyId.startsWith('/') ? (keyId.split('/').pop() ?? '') : keyId;
}

function expandHome(path: string, home: string): string {
  return path === '~' || path.startsWith('~/') ? join(home, path.slice(1)) : path;
}

/** The private key text, from PEM given inline or a file; errors say which file and why. */
async function readKeyText(key: string, home: string): Promise<{ text: string; file?: string }> {
  if (key.trimStart().startsWith('-----BEGIN')) return { text: key };
  const file = expandHome(key, home);
  try {
    return { text: await readFile(file, 'utf8'), file };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new SigningError(`Cannot read the private key file ${file} (${code})`, {
      source: 'file',
      hint: 'check the key path',
    });
  }
}

/**
 * The MD5 fingerprint of the key that will sign, checked against the configured fingerprint, so a
 * SHA256 keyId still goes on the wire as `/<account>/keys/<md5>` and a wrong key file fails here
 * with both fingerprints named instead of as an opaque 401.
 */
async function signingKeyMd5(
  options: SmartdcClientOptions,
  wanted: sshpk.Fingerprint,
  home: string,
): Promise<string> {
  if (options.key !== undefined) {
    const { text, file } = await readKeyText(options.key, home);
    let key: sshpk.PrivateKey;
    try {
      key = sshpk.parsePrivateKey(text, 'auto', { passphrase: options.passphrase });
    } catch (error) {
      const encrypted = error instanceof Error && error.name === 'KeyEncryptedError';
      throw new SigningError(
        encrypted
          ? `The private key ${file ?? '(inline)'} is encrypted: pass its passphrase, or load it into ssh-agent (ssh-add) and use the agent`
          : `The private key ${file ?? '(inline)'} cannot be parsed as an SSH private key`,
        {
          source: file ? 'file' : 'inline',
          hint: encrypted ? 'passphrase or ssh-agent' : 'PEM or OpenSSH private key expected',
        },
      );
    }
    const md5 = key.fingerprint('md5').toString('hex');
    if (!wanted.matches(key)) {
      throw new SigningError(
        `The private key ${file ?? '(inline)'} has fingerprint ${md5}, not the configured ${wanted.toString()}`,
        { fingerprint: wanted.toString(), candidates: [md5], source: file ? 'file' : 'inline' },
      );
    }
    return md5;
  }
  if (wanted.algorithm === 'md5') return wanted.toString('hex');
  const agent = options.agent;
  const found = await findSigningKey({
    fingerprint: wanted.toString(),
    sshDir: agent ? '/nonexistent' : join(home, '.ssh'),
    passphrase: options.passphrase,
    agent: agent === true || agent === undefined ? {} : agent,
  });
  return found.fingerprint;
}

/** Where the signature's key comes from, for core's `httpSignature`. */
function keySource(options: SmartdcClientOptions, md5: string, home: string): Partial<HttpSignatureOptions> {
  if (options.key !== undefined) {
    return options.key.trimStart().startsWith('-----BEGIN')
      ? { privateKey: options.key, passphrase: options.passphrase }
      : { keyFile: expandHome(options.key, home), passphrase: options.passphrase };
  }
  if (options.agent) {
    return { agent: { fingerprint: md5, ...(options.agent === true ? {} : options.agent) } };
  }
  return { findKey: { fingerprint: md5, sshDir: join(home, '.ssh') }, passphrase: options.passphrase };
}

/**
 * CloudAPI's HTTP Signature auth: core's `httpSignature` signing `(request-target) date`, with the
 * keyId built from the key's MD5 fingerprint whatever form was configured. The key is located on
 * the first request (file, `~/.ssh` pairs, then ssh-agent, like node-smartdc-auth).
 */
export function cloudApiSigner(options: SmartdcClientOptions): AuthStrategy {
  const wanted = parseFingerprint(fingerprintText(options.keyId));
  const home = options.home ?? homedir();
  let inner: Promise<AuthStrategy> | undefined;
  const load = (): Promise<AuthStrategy> => {
    if (!inner) {
      inner = signingKeyMd5(options, wanted, home).then((md5) =>
        httpSignature({
          keyId: cloudApiKeyId(options.account, md5, options.user),
          format: options.signatureFormat ?? 'modern',
          ...keySource(options, md5, home),
        } as HttpSignatureOptions),
      );
      // A key that is missing now (agent not started yet) may be there on the next call.
      inner.catch(() => {
        inner = undefined;
      });
    }
    return inner;
  };
  const principal = options.user === undefined ? options.account : `${options.account}/users/${options.user}`;
  const source = options.key !== undefined ? 'key file' : options.agent ? 'ssh-agent' : '~/.ssh or ssh-agent';
  return {
    kind: 'http-signature',
    async authorize(request: SignableRequest, context: AuthContext): Promise<void> {
      await (await load()).authorize(request, context);
    },
    describe: () => `http-signature ${principal} key ${wanted.toString()} (${source})`,
    secrets: () => (options.passphrase ? [options.passphrase] : []),
  };
}
