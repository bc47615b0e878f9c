import { ProviderCommand, profileFlags } from '@nimbus-sdk/core/cli';
import type { Command } from '@oclif/core';
import s3aasProvider from '../provider.js';

/** Flags of every `nimbus s3aas` command: the settings flags (`--url`, `--iam-url`, `--username`, ...). */
export const s3aasFlags = profileFlags(s3aasProvider.profile, 'S3AAS');

/** Base of the `nimbus s3aas` commands: `client()` from flags > env > profile. */
export abstract class S3aasCommand<T extends typeof Command = typeof Command> extends ProviderCommand<
  typeof s3aasProvider,
  T
> {
  protected readonly provider = s3aasProvider;
}
