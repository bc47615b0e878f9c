import * as Flags from '@oclif/core/flags';
import type { OptionFlag } from '@oclif/core/interfaces';
import type { ProfileSectionSpec } from '../provider/provider-plugin.js';

/**
 * One string flag per field of a provider's profile section that names a `flag`, so commands
 * accept `--dci-cs-url` and friends without repeating the spec. The flags carry no `env`: the
 * environment is read by `resolveSettings`, which keeps the precedence flags > env > profile.
 */
export function profileFlags(
  spec: ProfileSectionSpec,
  helpGroup?: string,
): Record<string, OptionFlag<string | undefined>> {
  const flags: Record<string, OptionFlag<string | undefined>> = {};
  for (const field of Object.values(spec.fields)) {
    if (field.flag === undefined) continue;
    const env = field.env?.length ? ` (env ${field.env.join(', ')})` : '';
    flags[field.flag] = Flags.string({ description: `${field.description}${env}`, helpGroup });
  }
  return flags;
}
