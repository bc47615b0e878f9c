import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** This package's root (linked into the workspace's `nimbus` as a plugin). */
export const smartdcRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Fails loudly when the built CLI pieces are missing (child-process tests run on dist). */
export function assertBuilt(): void {
  for (const file of [
    'dist/nimbus-plugin.js',
    'oclif.manifest.json',
    'dist/commands/smartdc/machine/list.js',
  ]) {
    if (!existsSync(`${smartdcRoot}/${file}`)) {
      throw new Error(`${file} is missing: run \`pnpm --filter @nimbus-sdk/smartdc build\` first`);
    }
  }
}
