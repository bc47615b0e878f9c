import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DciSeedInfo } from '../src/emulator/index.js';

/** A DCI emulator running in a child process (from the built dist). */
export interface EmulatorProcess {
  url: string;
  seed: DciSeedInfo;
  stop(): Promise<void>;
}

const script = fileURLToPath(new URL('./fixtures/emulator-process.mjs', import.meta.url));
export const builtEmulator = fileURLToPath(new URL('../dist/emulator/index.js', import.meta.url));

/** Starts the built emulator in a child process; fails clearly when the package is not built. */
export function startEmulatorProcess(jobs = 0): Promise<EmulatorProcess> {
  if (!existsSync(builtEmulator)) {
    throw new Error(
      'packages/dci is not built: run `pnpm --filter @nimbus-sdk/dci build` (the root `pnpm test` does)',
    );
  }
  const child: ChildProcess = spawn(process.execPath, [script, String(jobs)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let buffered = '';
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`emulator process exited early with ${code}`)));
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const end = buffered.indexOf('\n');
      if (end === -1) return;
      const { url, seed } = JSON.parse(buffered.slice(0, end)) as { url: string; seed: DciSeedInfo };
      child.removeAllListeners('exit');
      resolve({
        url,
        seed,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.stdin?.end();
          }),
      });
    });
  });
}
