import { createRequire } from 'node:module';
import type sshpk from 'sshpk';

let loaded: typeof sshpk | undefined;

/**
 * sshpk, loaded on first use. It is ~25 CommonJS modules (asn1, jsbn, tweetnacl, ...) that only key
 * parsing and signing need, and core's index reaches this folder, so importing it eagerly cost every
 * program that imports `@nimbus-sdk/core` (every CLI command) ~45 ms even when it never signs. A
 * synchronous require keeps the sync public functions (`parseFingerprint`, `fingerprintMd5`) sync.
 */
export function sshpkModule(): typeof sshpk {
  loaded ??= createRequire(import.meta.url)('sshpk') as typeof sshpk;
  return loaded;
}
