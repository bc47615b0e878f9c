import type { Command } from '@oclif/core/command';
import type { AnyNimbusProvider } from '../provider/define-provider.js';
import { NimbusCommand } from './nimbus-command.js';

/** The client type of a provider made by `defineProvider`. */
export type ClientOf<P extends AnyNimbusProvider> = Awaited<ReturnType<P['createClient']>>;

/**
 * The one command base of a provider built with `defineProvider`: `client()` resolves the
 * provider's settings once (flags > env > profile, checked, secrets registered for masking),
 * turns them into client options once, and builds the SDK client with `--debug` tracing.
 *
 * @example
 * export abstract class HelloCommand<T extends typeof Command = typeof Command> extends ProviderCommand<
 *   typeof helloProvider, T> {
 *   protected readonly provider = helloProvider;
 * }
 */
export abstract class ProviderCommand<
  P extends AnyNimbusProvider,
  T extends typeof Command = typeof Command,
> extends NimbusCommand<T> {
  /** The provider whose settings and client this command uses. */
  protected abstract readonly provider: P;

  protected override get baseFlagEnv() {
    return this.provider.baseFlagEnv ?? {};
  }

  /** The SDK client for the resolved settings. */
  protected async client(): Promise<ClientOf<P>> {
    const settings = await this.resolveSettings(this.provider);
    const options = this.provider.clientOptions(settings);
    const logger = this.logger;
    return (await this.provider.createClient(logger ? { ...options, logger } : options)) as ClientOf<P>;
  }
}
