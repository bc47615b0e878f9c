import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The whole environment for npm, pnpm and the installed CLI in a brand-new HOME: a fresh npm cache
 * and user config there, the local registry as the only registry, and XDG dirs under HOME so the
 * CLI's profiles and user plugins live there too. Nothing from the developer's own setup leaks in.
 */
export function freshNpmEnvironment(home: string, registryUrl: string): NodeJS.ProcessEnv {
  mkdirSync(home, { recursive: true });
  const userconfig = join(home, '.npmrc');
  const { host } = new URL(registryUrl);
  // npm refuses to publish without a token; Verdaccio lets anyone publish @nimbus-sdk/* (see its config).
  writeFileSync(userconfig, `registry=${registryUrl}\n//${host}/:_authToken=anonymous-local-publish\n`, {
    mode: 0o600,
  });
  return {
    PATH: process.env.PATH,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local', 'share'),
    XDG_CACHE_HOME: join(home, '.cache'),
    npm_config_userconfig: userconfig,
    npm_config_cache: join(home, '.npm'),
    npm_config_registry: registryUrl,
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    CI: 'true',
  };
}
