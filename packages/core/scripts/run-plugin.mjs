// Runs one oclif plugin's built commands as a CLI of its own, the commands `nimbus <provider> ...`
// loads: `node run-plugin.mjs <package root> <provider> <topic> <verb> ...`. Used by the provider
// contract tests of @nimbus-sdk/core/testing/contract.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [root, ...args] = process.argv.slice(2);
if (!root) {
  process.stderr.write('usage: run-plugin.mjs <package root> <args...>\n');
  process.exit(2);
}
const manifest = join(root, 'package.json');
// The plugin's own @oclif/core, so its commands and the runner share one instance.
const oclif = createRequire(manifest).resolve('@oclif/core');
const { execute } = await import(pathToFileURL(oclif).href);
await execute({ dir: pathToFileURL(manifest).href, args });
