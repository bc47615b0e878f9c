import { join } from 'node:path';
import { NimbusCommand } from '@nimbus-sdk/core/cli';
import type { Command } from '@oclif/core';
import { type SandboxPaths, sandboxPaths } from './sandbox-paths.js';

/** Shared plumbing of the `sandbox` commands. */
export abstract class SandboxCommand<T extends typeof Command> extends NimbusCommand<T> {
  protected get paths(): SandboxPaths {
    return sandboxPaths(process.env);
  }

  /** This CLI's own entry point, for background sandboxes and demo steps. */
  protected get binPath(): string {
    return join(this.config.root, 'bin', 'run.js');
  }
}
