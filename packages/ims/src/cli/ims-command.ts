import { type ClientOf, ProviderCommand, profileFlags } from '@nimbus-sdk/core/cli';
import type { Command } from '@oclif/core';
import { environmentWithOAuthConfigDir } from '../oauth-config-dir.js';
import imsProvider from '../provider.js';

/** Flags of every `nimbus ims` command: the helper's settings flags. */
export const imsFlags = profileFlags(imsProvider.profile, 'IMS');

/**
 * Base of the `nimbus ims` commands: `client()` from flags > environment > `OAUTH_CONFIG_DIR`
 * files > profile.
 */
export abstract class ImsCommand<T extends typeof Command = typeof Command> extends ProviderCommand<
  typeof imsProvider,
  T
> {
  protected readonly provider = imsProvider;

  override async init(): Promise<void> {
    // The config directory's files stand in for the OAUTH_* variables left unset, so the kit's
    // flags > env > profile resolution puts them between the environment and the profile.
    for (const [name, value] of Object.entries(environmentWithOAuthConfigDir(process.env))) {
      if (process.env[name] === undefined && value !== undefined) process.env[name] = value;
    }
    await super.init();
  }

  /** The client; the helper's `-t/--timeout` (seconds), where a command has it, is each request's timeout. */
  protected override async client(): Promise<ClientOf<typeof imsProvider>> {
    const timeout = (this.flags as { timeout?: number } | undefined)?.timeout;
    if (timeout === undefined) return super.client();
    const options = this.provider.clientOptions(await this.resolveSettings(this.provider));
    const logger = this.logger;
    return this.provider.createClient({
      ...options,
      timeoutMs: timeout * 1000,
      ...(logger ? { logger } : {}),
    });
  }
}
