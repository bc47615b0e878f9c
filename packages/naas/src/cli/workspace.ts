import { ConfigError } from '@nimbus-sdk/core';

/** The workspace of a storage or asset command: the flag (either spelling), else the setting. */
export function workspaceOf(
  flags: { workspace?: string; 'workspace-id'?: string },
  fallback: string | undefined,
): string {
  const value = flags.workspace ?? flags['workspace-id'] ?? fallback;
  if (!value) {
    throw new ConfigError(
      "No workspace: pass --workspace <id> (or --workspace-id), or set NAAS_WORKSPACE_ID or the profile's workspaceId",
    );
  }
  return value;
}
