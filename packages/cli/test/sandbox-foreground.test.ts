import { spawn } from 'node:child_process';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nimbusBin, runNimbus } from '../../../test-support/run-cli.js';
import { createIsolatedHome, type IsolatedHome } from './support/isolated-home.js';
import { processesWithHome } from './support/leftover-processes.js';

let home: IsolatedHome;

beforeAll(async () => {
  home = await createIsolatedHome();
  const link = await runNimbus(['plugins', 'link', home.helloPluginDir, '--no-install'], home.env);
  expect(link.code, link.stderr).toBe(0);
});
afterAll(async () => {
  await runNimbus(['sandbox', 'down'], home.env);
  await home.remove();
});

describe.each(['SIGINT', 'SIGTERM'] as const)('nimbus sandbox up in the foreground', (signal) => {
  it(`serves until ${signal}, then stops everything and exits 0`, async () => {
    const child = spawn(process.execPath, [nimbusBin, 'sandbox', 'up', '--no-s3', '--provider', 'hello'], {
      env: home.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    let stdout = '';
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk;
        if (stdout.includes('Use it with:')) resolve();
      });
      exited.then((code) => reject(new Error(`sandbox up exited early (${code}): ${stderr}`)));
    });
    expect(stdout).toMatch(/^hello +http:\/\/127\.0\.0\.1:\d+ +Greetings \(test provider\)$/m);

    const list = await runNimbus(['hello', 'greeting', 'list', '--profile', 'sandbox', '--json'], home.env);
    expect(list.code, list.stderr).toBe(0);

    child.kill(signal);
    expect(await exited).toBe(0);
    expect(stderr).toContain(`Received ${signal}: stopping the sandbox`);
    expect(stderr).toContain('Sandbox stopped');
    await expect(access(join(home.configDir, 'sandbox', 'state.json'))).rejects.toThrow(/ENOENT/);
    expect(await processesWithHome(home.env.HOME as string)).toEqual([]);
    const after = await runNimbus(['hello', 'greeting', 'list', '--profile', 'sandbox'], home.env);
    expect(after.code).toBe(1);
  });
});
