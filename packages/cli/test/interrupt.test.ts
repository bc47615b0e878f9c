import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nimbusBin, runNimbus } from '../../../test-support/run-cli.js';
import { createIsolatedHome, type IsolatedHome } from './support/isolated-home.js';

// Ctrl-C ends every command with exit 130 and one line, whatever it was doing: here a machine wait
// that would otherwise run for its whole --wait-timeout.
let home: IsolatedHome;

beforeAll(async () => {
  home = await createIsolatedHome();
  const up = await runNimbus(['sandbox', 'up', '--detach', '--no-s3', '--provider', 'smartdc'], home.env);
  expect(up.code, up.stderr).toBe(0);
});
afterAll(async () => {
  await runNimbus(['sandbox', 'down'], home.env);
  await home.remove();
});

/** Runs nimbus, sends SIGINT once `ready` matches its stderr (or after `delayMs`), and collects the outcome. */
function interrupt(args: readonly string[], delayMs: number) {
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>(
    (resolve, reject) => {
      const child = spawn(process.execPath, [nimbusBin, ...args], {
        env: home.env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk;
      });
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        stderr += chunk;
      });
      const timer = setTimeout(() => child.kill('SIGINT'), delayMs);
      child.on('error', reject);
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        resolve({ code, signal, stdout, stderr });
      });
    },
  );
}

describe('Ctrl-C', () => {
  it('ends a machine wait with exit 130 and one line, not "sleep was aborted" and exit 1', async () => {
    const created = await runNimbus(
      ['smartdc', 'machine', 'create', 'base64', 'g4-highcpu-512M', '--name', 'sigint-1', '--wait', '--json'],
      home.env,
    );
    expect(created.code, created.stderr).toBe(0);
    // A running machine never becomes 'provisioning' again: the wait would last its whole timeout.
    const run = await interrupt(
      ['smartdc', 'machine', 'wait', 'sigint-1', '--state', 'provisioning', '--wait-timeout', '10m'],
      2_500,
    );
    expect(run.code).toBe(130);
    expect(run.stderr).toContain('Interrupted\n');
    expect(run.stderr).not.toMatch(/sleep was aborted/i);
  });
});
