import { ProviderCommand, profileFlags } from '@nimbus-sdk/core/cli';
import type { Command } from '@oclif/core';
import type { NaasClient } from '../client.js';
import naasProvider from '../provider.js';
import { naasClientOptions } from '../settings.js';

/** The settings flags of every `nimbus naas` command (`--naas-url`, `--naas-token`, ...). */
export const naasSettingsFlags = profileFlags(naasProvider.profile, 'NAAS');

/** Base of the `nimbus naas` commands. */
export abstract class NaasCommand<T extends typeof Command = typeof Command> extends ProviderCommand<
  typeof naasProvider,
  T
> {
  protected readonly provider = naasProvider;

  /**
   * The client, with naas-python's token order kept across the kit's flags > env > profile merge:
   * a token that only the profile gave ranks after JUPYTERHUB_API_TOKEN and ~/.naas/credentials.
   */
  protected override async client(): Promise<NaasClient> {
    const settings = await this.resolveSettings(this.provider);
    const direct = this.provider.resolveSettings({
      flags: this.flags as Record<string, unknown>,
      env: process.env,
    });
    const options = naasClientOptions(settings, direct.token ? 'flag-or-env' : 'profile');
    const logger = this.logger;
    return this.provider.createClient(logger ? { ...options, logger } : options) as Promise<NaasClient>;
  }

  /** The resolved settings (for commands that need more than a client: login, workspace default). */
  protected settings() {
    return this.resolveSettings(this.provider);
  }

  /** Writes raw text to stdout (a secret's value, which is the point of `secret get`). */
  protected writeRaw(text: string): void {
    process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  }
}
