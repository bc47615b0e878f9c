import type { ImsClientOptions } from './client-options.js';
import { environmentWithOAuthConfigDir } from './oauth-config-dir.js';
import imsProvider from './provider.js';

/**
 * Client options from the helper's environment (`IMS_URL`, `OAUTH_CLIENT_*`, `CA_CERT`, `S3_*`),
 * with the `OAUTH_CONFIG_DIR` files filling the OAuth2 variables left unset. Throws one
 * `ConfigError` naming every missing setting.
 *
 * @example
 * const ims = createImsClient(imsClientOptionsFromEnv(process.env));
 */
export function imsClientOptionsFromEnv(env: Readonly<Record<string, string | undefined>>): ImsClientOptions {
  return imsProvider.clientOptionsFromEnv(environmentWithOAuthConfigDir(env));
}
