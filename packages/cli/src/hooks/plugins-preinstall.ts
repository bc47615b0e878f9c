import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Hook } from '@oclif/core';

interface DataDirManifest {
  dependencies?: Record<string, string>;
  [field: string]: unknown;
}

/**
 * Provider plugins take `@oclif/core` as an optional peer, so installing one as a library brings no
 * oclif; but npm never installs an optional peer by itself, and `nimbus plugins install` runs npm in
 * the CLI's data dir, out of reach of the CLI's own copy. So before every plugin install, the data
 * dir's package.json gets `@oclif/core` at the CLI's version, and the plugin's commands can load.
 */
const provideOclifCore: Hook.PluginsPreinstall = async ({ config }) => {
  const version = config.pjson.dependencies?.['@oclif/core'];
  if (version === undefined) return;
  const path = join(config.dataDir, 'package.json');
  // The shape @oclif/plugin-plugins itself creates when the file is missing.
  const manifest: DataDirManifest = await readFile(path, 'utf8').then(
    (text) => JSON.parse(text) as DataDirManifest,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT')
        return { private: true, oclif: { schema: 1, plugins: [] }, dependencies: {} };
      throw error;
    },
  );
  if (manifest.dependencies?.['@oclif/core'] === version) return;
  manifest.dependencies = { ...manifest.dependencies, '@oclif/core': version };
  await mkdir(config.dataDir, { recursive: true });
  await writeFile(path, `${JSON.stringify({ name: config.name, ...manifest }, null, 2)}\n`);
};

export default provideOclifCore;
