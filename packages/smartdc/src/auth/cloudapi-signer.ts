import { join } from 'node:path';
import {
  type AuthStrategy,
  type HttpSignatureOptions,
  homeDirectory,
  httpSignature,
  parseFingerprint,
} from '@nimbus-sdk/core';
import type { SmartdcClientOptions } from '../client-options.js';
import { cloudApiKeyId } from './key-id.js';

/** `aa:bb:…`, `SHA256:…`, or the fingerprint at the end of a full `/<account>/keys/<fp>` keyId. */
function fingerprintText(keyId: string): string {
  return keyId.startsWith('/') ? (keyId.split('/').pop() ?? '') : keyId;
}

function expandHome(path: string, home: string): string {
  return path === '~' || path.startsWith('~/') ? join(home, path.slice(1)) : path;
}

/** Where the signature's key comes from, for core's `httpSignature`, located by any fingerprint form. */
function keySource(
  options: SmartdcClientOptions,
  fingerprint: string,
  home: string,
): Partial<HttpSignatureOptions> {
  const { key, passphrase, agent } = options;
  if (key !== undefined) {
    return key.trimStart().startsWith('-----BEGIN')
      ? { privateKey: key, passphrase, fingerprint }
      : { keyFile: expandHome(key, home), passphrase, fingerprint };
  }
  if (agent) return { agent: { fingerprint, ...(agent === true ? {} : agent) } };
  return { findKey: { fingerprint, sshDir: join(home, '.ssh') }, passphrase };
}

/**
 * CloudAPI's HTTP Signature auth: core's `httpSignature` signing `(request-target) date`, with the
 * keyId built from the signing key's MD5 fingerprint whatever form was configured. The key is read
 * once, by core, on the first request (file, `~/.ssh` pairs, then ssh-agent, like
 * node-smartdc-auth); a key file that does not match the fingerprint fails naming both.
 */
export function cloudApiSigner(options: SmartdcClientOptions): AuthStrategy {
  const fingerprint = fingerprintText(options.keyId);
  const wanted = parseFingerprint(fingerprint);
  const home = options.home ?? homeDirectory();
  const signer = httpSignature({
    keyId: (key) => cloudApiKeyId(options.account, key.fingerprint, options.user),
    format: options.signatureFormat ?? 'modern',
    ...keySource(options, fingerprint, home),
  } as HttpSignatureOptions);
  const principal = options.user === undefined ? options.account : `${options.account}/users/${options.user}`;
  const source = options.key !== undefined ? 'key file' : options.agent ? 'ssh-agent' : '~/.ssh or ssh-agent';
  return {
    ...signer,
    describe: () => `http-signature ${principal} key ${wanted.toString()} (${source})`,
  };
}
