import { join } from 'node:path';

/**
 * The whole environment of a CLI child process whose HOME and XDG config/data/cache directories
 * all live under `home`, so no test reads or writes the developer's own files.
 */
export function isolatedEnv(home: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local', 'share'),
    XDG_CACHE_HOME: join(home, '.cache'),
    // oclif warns on every run that a linked ESM plugin cannot be transpiled; it has nothing to transpile.
    OCLIF_DISABLE_LINKED_ESM_WARNING: '1',
    NODE_ENV: 'test',
  };
}
