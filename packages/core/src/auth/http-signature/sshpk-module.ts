import { createRequire } from 'node:module';
import type sshpk from 'sshpk';
import { ConfigError } from '../../errors/client-errors.js';

let loaded: typeof sshpk | undefined;

/**
 * sshpk, loaded on first use. It is ~25 CommonJS modules (asn1, jsbn, tweetnacl, ...) that only key
 * parsing and signing need, and core's index reaches this folder, so importing it eagerly cost every
 * program that imports `@nimbus-sdk/core` (every CLI command) ~45 ms even when it never signs. A
 * synchronous require keeps the sync public functions (`parseFingerprint`, `fingerprintMd5`) sync.
 *
 * It is an optional peer of core, so providers that never sign HTTP Signatures do not install it;
 * `@nimbus-sdk/smartdc` depends on it. Without it this throws a ConfigError that says what to install.
 */
export function sshpkModule(): typeof sshpk {
  loaded ??= requireSshpk();
  return loaded;
}

function requireSshpk(): typeof sshpk {
  try {
    return createRequire(import.meta.url)('sshpk') as typeof sshpk;
  } catch (error) {
    if (!isSshpkMissing(error)) throw error;
    throw new ConfigError(
      'HTTP Signature keys need the "sshpk" package, an optional peer dependency of @nimbus-sdk/core ' +
        'that is not installed: run `npm install sshpk@^1.18.0` (@nimbus-sdk/smartdc installs it for you)',
    );
  }
}

function isSshpkMissing(error: unknown): boolean {
  const { code, message } = error as { code?: unknown; message?: unknown };
  // Only sshpk itself missing: a missing dependency *of* sshpk is a broken install, reported as is.
  return (
    code === 'MODULE_NOT_FOUND' &&
    typeof message === 'string' &&
    message.startsWith("Cannot find module 'sshpk'")
  );
}
