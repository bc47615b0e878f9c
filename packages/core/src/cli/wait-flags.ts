import * as Flags from '@oclif/core/flags';
import { parseDuration } from './duration.js';

/** The default of `--wait-timeout`: long enough for a VM boot, never endless. */
export const DEFAULT_WAIT_TIMEOUT_MS = 10 * 60_000;

/** Spread into the flags of any command that starts something asynchronous. */
export const waitFlags = {
  wait: Flags.boolean({ char: 'w', description: 'Wait until the operation has finished' }),
  'wait-timeout': Flags.custom<number>({
    description: 'Give up waiting after this long (90s, 10m, 1h; default 10m); exit code 6',
    helpValue: '<duration>',
    parse: async (input) => parseDuration(input),
  })(),
};
