import type { Command } from '@oclif/core';
import { NaasCommand } from './naas-command.js';
import { workspaceOf } from './workspace.js';

/** Base of the storage and asset commands: the workspace from either flag spelling or the settings. */
export abstract class NaasWorkspaceCommand<T extends typeof Command = typeof Command> extends NaasCommand<T> {
  protected async workspace(): Promise<string> {
    const settings = await this.settings();
    return workspaceOf(this.flags as { workspace?: string; 'workspace-id'?: string }, settings.workspaceId);
  }
}
