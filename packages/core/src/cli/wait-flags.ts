import * as Flags from '@oclif/core/flags';
import { ValidationError } from '../errors/client-errors.js';
import { parseDuration } from '../validation/duration.js';
import { DEFAULT_WAIT_TIMEOUT_MS } from '../waiters/wait-options.js';

/** The default of `--wait-timeout` is the waiters' own default, so SDK and CLI waits agree. */
export { DEFAULT_WAIT_TIMEOUT_MS };

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
