import { baseFlagsCeding } from '@nimbus-sdk/core/cli';
import * as Flags from '@oclif/core/flags';

/**
 * naas-python's option names (spec §9). Its multi-letter short options (`-rp`, `-src`, `-sn`) cannot
 * exist in oclif, whose short flags are one character; their long forms are all here, plus `--src`
 * style aliases where naas-python's short form was a word.
 */
export const nameFlag = (description: string) => Flags.string({ char: 'n', description, required: true });

export const pageFlags = {
  'page-size': Flags.integer({
    description: 'Items per page; 0 = all (naas-python default)',
    default: 0,
    min: 0,
  }),
  'page-number': Flags.integer({ description: 'Page to show, from 1; 0 = the first', default: 0, min: 0 }),
};

/** naas-python's `-rp/--rich-preview`: tables are always shown here, so it is accepted and ignored. */
export const richPreviewFlag = {
  'rich-preview': Flags.boolean({
    description: 'Accepted for naas-python compatibility (tables are the default)',
    hidden: true,
  }),
};

/**
 * The workspace, spelled `--workspace` (naas-python's storage) or `--workspace-id` (its assets): both
 * are accepted on both; defaults to the `workspaceId` setting (NAAS_WORKSPACE_ID, the profile).
 */
export const storageWorkspaceFlag = {
  workspace: Flags.string({
    char: 'w',
    aliases: ['workspace-id'],
    description: 'Workspace id (also --workspace-id); default NAAS_WORKSPACE_ID or the profile',
  }),
};
export const assetWorkspaceFlag = {
  'workspace-id': Flags.string({
    char: 'w',
    aliases: ['workspace'],
    description: 'Workspace id (also --workspace); default NAAS_WORKSPACE_ID or the profile',
  }),
};

/** naas-python's `-s/--storage`; a command with it takes {@link storageBaseFlags} (or cedes more). */
export const storageFlag = () => Flags.string({ char: 's', description: 'Storage name', required: true });

/** The base flags of a command with {@link storageFlag}: -s is the storage there, `--sort` keeps its long name. */
export const storageBaseFlags = baseFlagsCeding(['s']);
