import { createRequire } from 'node:module';

// package.json sits two levels up from both src/transport and dist/transport.
const manifest = createRequire(import.meta.url)('../../package.json') as { version: string };

/** The core package's own version, as published. */
export const CORE_VERSION: string = manifest.version;

/** `<prefix> @nimbus-sdk/core/<version> node/<version>`: the caller's product token goes first. */
export function userAgent(prefix: string | undefined): string {
  const own = `@nimbus-sdk/core/${CORE_VERSION} node/${process.versions.node}`;
  return prefix ? `${prefix} ${own}` : own;
}
