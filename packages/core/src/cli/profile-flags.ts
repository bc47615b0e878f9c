import * as Flags from '@oclif/core/flags';
import type { AlphabetLowercase, AlphabetUppercase, OptionFlag } from '@oclif/core/interfaces';
import { ConfigError } from '../errors/client-errors.js';
import type { ProfileField, ProfileSectionSpec } from '../provider/provider-plugin.js';
import { markSecretFlag } from './secret-flags.js';

/**
 * One string flag per field of a provider's profile section that names a `flag`, so commands
 * accept `--dci-cs-url` and friends without repeating the spec. The flags carry no `env`: the
 * environment is read by `resolveSettings`, which keeps the precedence flags > env > profile.
 * A field's `char` becomes the flag's short form (`-a`).
 */
export function profileFlags(
  spec: ProfileSectionSpec,
  helpGroup?: string,
): Record<string, OptionFlag<string | undefined>> {
  const flags: Record<string, OptionFlag<string | undefined>> = {};
  for (const [name, field] of Object.entries(spec.fields)) {
    if (field.flag === undefined) continue;
    const char = shortFlag(name, field);
    if (field.secret) {
      markSecretFlag(field.flag);
      if (char) markSecretFlag(char);
    }
    const env = field.env?.length ? ` (env ${field.env.join(', ')})` : '';
    flags[field.flag] = Flags.string({
      description: `${field.description}${env}`,
      helpGroup,
      ...(char ? { char } : {}),
    });
  }
  return flags;
}

function shortFlag(name: string, field: ProfileField): AlphabetLowercase | AlphabetUppercase | undefined {
  if (field.char === undefined) return undefined;
  // A provider's mistake, found when its commands load rather than as an oclif crash later.
  if (!/^[A-Za-z]$/.test(field.char)) {
    throw new ConfigError(`settings field ${name}: char must be one letter, got "${field.char}"`);
  }
  return field.char as AlphabetLowercase | AlphabetUppercase;
}
