import { cp, mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isolatedEnv } from '../../../../test-support/isolated-env.js';
import { stopProcessesWithHome } from './leftover-processes.js';

/** The CLI package root. */
export const cliRoot = fileURLToPath(new URL('../..', import.meta.url));

/** A throwaway HOME with its own XDG config/data/cache, so no test touches the developer's files. */
export interface IsolatedHome {
  root: string;
  env: NodeJS.ProcessEnv;
  configDir: string;
  /** A copy of the test provider plugin, ready for `nimbus plugins link`. */
  helloPluginDir: string;
  remove(): Promise<void>;
}

/**
 * Creates the isolated home and copies the hello provider fixture into it, with `node_modules`
 * links to this workspace's `@nimbus-sdk/core` and `@oclif/core` (what `npm install` would give a
 * real third-party plugin).
 */
export async function createIsolatedHome(): Promise<IsolatedHome> {
  const root = await mkdtemp(join(tmpdir(), 'nimbus-cli-test-'));
  const home = join(root, 'home');
  const env = isolatedEnv(home);
  await mkdir(home, { recursive: true });
  const helloPluginDir = join(root, 'nimbus-provider-hello');
  await cp(fileURLToPath(new URL('../fixtures/hello-provider', import.meta.url)), helloPluginDir, {
    recursive: true,
  });
  await mkdir(join(helloPluginDir, 'node_modules', '@nimbus-sdk'), { recursive: true });
  await mkdir(join(helloPluginDir, 'node_modules', '@oclif'), { recursive: true });
  await symlink(
    join(cliRoot, 'node_modules', '@nimbus-sdk', 'core'),
    join(helloPluginDir, 'node_modules', '@nimbus-sdk', 'core'),
  );
  await symlink(
    join(cliRoot, 'node_modules', '@oclif', 'core'),
    join(helloPluginDir, 'node_modules', '@oclif', 'core'),
  );
  return {
    root,
    env,
    configDir: join(home, '.config', 'nimbus'),
    helloPluginDir,
    remove: async () => {
      // If a test failed half-way (or the CLI could not even run `sandbox down`), what it started
      // must still not outlive it.
      await stopProcessesWithHome(home);
      await rm(root, { recursive: true, force: true });
    },
  };
}
