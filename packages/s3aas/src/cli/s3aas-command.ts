import { ProviderCommand, profileFlags } from '@nimbus-sdk/core/cli';
import { createProfileStore, nimbusConfigDir } from '@nimbus-sdk/core/provider';
import type { Command } from '@oclif/core';
import type { S3aasClient } from '../client.js';
import s3aasProvider from '../provider.js';

/** Flags of every `nimbus s3aas` command: the settings flags (`--url`, `--iam-url`, `--username`, ...). */
export const s3aasFlags = profileFlags(s3aasProvider.profile, 'S3AAS');

/** Base of the `nimbus s3aas` commands: `client()` from flags > env > profile. */
export abstract class S3aasCommand<T extends typeof Command = typeof Command> extends ProviderCommand<
  typeof s3aasProvider,
  T
> {
  protected readonly provider = s3aasProvider;

  /**
   * The client, and when it runs on the refresh token `login` saved, a hook that saves the refresh
   * token IAM hands back on each renewal, so a rotated token does not strand the next command.
   */
  protected override async client(): Promise<S3aasClient> {
    const settings = await this.resolveSettings(this.provider);
    const options = this.provider.clientOptions(settings);
    const saved = settings.refreshToken;
    if (saved && !options.iam.password) {
      options.iam.onTokens = async (tokens) => {
        if (tokens.refreshToken && tokens.refreshToken !== saved)
          await this.saveRefreshToken(saved, tokens.refreshToken);
      };
    }
    const logger = this.logger;
    return this.provider.createClient(logger ? { ...options, logger } : options);
  }

  /** Replaces `previous` with `next` in the selected profile, if that profile still holds `previous`. */
  private async saveRefreshToken(previous: string, next: string): Promise<void> {
    this.registerSecret(next);
    const store = createProfileStore({ dir: nimbusConfigDir(process.env) });
    const flagged = (this.flags as { profile?: string } | undefined)?.profile;
    const name = flagged || (await store.active());
    if (!name) return;
    const profile = await store.get(name);
    const section = profile?.s3aas;
    if (!profile || section?.refreshToken !== previous) return;
    await store.put(name, { ...profile, s3aas: { ...section, refreshToken: next } });
  }
}
