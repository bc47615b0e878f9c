import { join } from 'node:path';
import { NimbusCommand, profilelessBaseFlags } from '@nimbus-sdk/core/cli';
import type { Command } from '@oclif/core';
import { type SandboxPaths, sandboxPaths } from './sandbox-paths.js';

/** Shared plumbing of the `sandbox` commands. */
export abstract class SandboxCommand<T extends typeof Command> extends NimbusCommand<T> {
  // The sandbox writes its own profile and reads none, so -p is free for --provider.
  static override baseFlags = profilelessBaseFlags;

  protected get paths(): SandboxPaths {
    return sandboxPaths(process.env);
  }

  /** This CLI's own entry point, for background sandboxes and demo steps. */
  protected get binPath(): string {
    return join(this.config.root, 'bin', 'run.js');
  }
}
