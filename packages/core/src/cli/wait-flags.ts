import * as Flags from '@oclif/core/flags';
import { DEFAULT_WAIT_TIMEOUT_MS } from '../waiters/wait-options.js';
import { parseDuration } from './duration.js';

/** The default of `--wait-timeout` is the waiters' own default, so SDK and CLI waits agree. */
export { DEFAULT_WAIT_TIMEOUT_MS };

/** Spread into the flags of any command that starts something asynchronous. */
export const waitFlags = {
  wait: Flags.boolean({ char: 'w', description: 'Wait until the operation has finished' }),
  'wait-timeout': Flags.custom<number>({
    description: 'Give up waiting after this long (90s, 10m, 1h; default 10m); exit code 6',
    helpValue: '<duration>',
    parse: async (input) => parseDuration(input),
  })(),
};
