import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** How one CLI child process ended. */
export interface PluginRun {
  code: number;
  stdout: string;
  stderr: string;
}

// A plain script beside the package (not compiled), so the same path works from src/ under vitest and from dist/.
const runner = fileURLToPath(new URL('../../../scripts/run-plugin.mjs', import.meta.url));

/**
 * The whole environment of a CLI child process whose HOME and XDG config/data/cache directories
 * all live under `home`, so no test reads or writes the developer's own files.
 */
export function isolatedCliEnv(home: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local', 'share'),
    XDG_CACHE_HOME: join(home, '.cache'),
    // oclif warns on every run that a linked ESM plugin cannot be transpiled; it has nothing to transpile.
    OCLIF_DISABLE_LINKED_ESM_WARNING: '1',
    NODE_ENV: 'test',
  };
}

/** Runs the built commands of the plugin at `packageRoot` with piped output and exactly `env`. */
export function runPluginCli(
  packageRoot: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<PluginRun> {
  return runNodeScript(runner, [packageRoot, ...args], env, packageRoot);
}

/**
 * Runs `node script ...args` with piped output (so it sees no TTY) and exactly `env`, nothing
 * inherited from the test runner. A child killed by a signal counts as a failure, never success.
 */
export function runNodeScript(
  script: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  cwd?: string,
): Promise<PluginRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr }));
  });
}
