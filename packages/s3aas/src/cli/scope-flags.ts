import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';

/** `--instance ID` of every instance-scoped command. */
export const instanceFlag = { instance: Flags.string({ description: 'Instance id (uuid)', required: true }) };

/** `--instance ID --user ID` of the key commands. */
export const userScopeFlags = {
  ...instanceFlag,
  user: Flags.string({ description: 'User id (uuid)', required: true }),
};

/** The positional id of show/update/delete. */
export const idArg = (noun: string) => ({
  id: Args.string({ description: `${noun} id (uuid)`, required: true }),
});
