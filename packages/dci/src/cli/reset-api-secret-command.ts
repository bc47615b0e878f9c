import type { Command } from '@oclif/core';
import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import type { DciClient } from '../client.js';
import type { Target } from '../resources/collection.js';
import { DciCommand, dciFlags } from './dci-command.js';
import { dcictlAlias } from './resource-commands.js';

/** An agent kind whose API secret can be reset: remotecis and feeders. */
export interface SecretOwnerSpec {
  noun: 'remoteci' | 'feeder';
  resource(dci: DciClient): {
    resetApiSecret(target: Target, options?: { etag?: string }): Promise<{ id: string; api_secret?: string }>;
  };
}

/**
 * `nimbus dci <remoteci|feeder> reset-api-secret <id> [--etag]`, dcictl's `*-reset-api-secret`: the
 * server answers the new secret once (its GETs no longer show it), so this is where to read it.
 */
export function resetApiSecretCommand(spec: SecretOwnerSpec): typeof Command {
  return class ResetApiSecretCommand extends DciCommand {
    static override aliases = dcictlAlias(spec.noun, 'reset-api-secret');
    static override summary = `Give a ${spec.noun} a new API secret and print it (the old one stops working)`;
    static override args = { id: Args.string({ description: `${spec.noun} id`, required: true }) };
    static override flags = {
      ...dciFlags,
      etag: Flags.string({ description: 'Expected ETag; the reset fails if the resource changed since' }),
    };
    async run(): Promise<void> {
      const { id } = this.args as { id: string };
      const { etag } = this.flags as { etag?: string };
      const dci = await this.client();
      const updated = await spec.resource(dci).resetApiSecret(etag ? { id, etag } : id);
      this.outputOne(updated, ['id', 'api_secret']);
    }
  };
}
