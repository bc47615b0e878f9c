import * as Flags from '@oclif/core/flags';
import { ValidationError } from '../errors/client-errors.js';
import { parseDuration } from './duration.js';

/** The default of `--wait-timeout`: long enough for a VM boot, never endless. */
export const DEFAULT_WAIT_TIMEOUT_MS = 10 * 60_000;

/** Spread into the flags of any command that starts something asynchronous. */
export const waitFlags = {
  wait: Flags.boolean({ char: 'w', description: 'Wait until the operation has finished' }),
  'wait-timeout': Flags.custom<number>({
    description: 'Give up waiting after this long (90s, 10m, 1h; default 10m); exit code 6',
    helpValue: '<duration>',
    // Parsed with the other flags, so a bad value fails before the command sends anything.
    parse: async (input) => {
      const ms = parseDuration(input);
      if (ms <= 0) throw new ValidationError(`--wait-timeout must be longer than 0, got "${input}"`);
      return ms;
    },
  })(),
};
