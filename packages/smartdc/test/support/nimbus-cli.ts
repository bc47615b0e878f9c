import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The workspace's `nimbus` executable and this package's root (linked into it as a plugin). */
export const nimbusBin = fileURLToPath(new URL('../../../cli/bin/run.js', import.meta.url));
export const smartdcRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Fails loudly when the built CLI pieces are missing (child-process tests run on dist). */
export function assertBuilt(): void {
  for (const file of [
    'dist/nimbus-plugin.js',
    'oclif.manifest.json',
    'dist/commands/smartdc/machine/list.js',
  ]) {
    if (!existsSync(`${smartdcRoot}/${file}`)) {
      throw new Error(`${file} is missing: run \`pnpm --filter @nimbus-sdk/smartdc build\` first`);
    }
  }
}

/** The outcome of one CLI run. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `nimbus ...args` with piped output and exactly `env`. */
export function runNimbus(args: readonly string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [nimbusBin, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
