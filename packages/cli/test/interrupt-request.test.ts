import { spawn } from 'node:child_process';
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nimbusBin } from '../../../test-support/run-cli.js';
import { createIsolatedHome, type IsolatedHome } from './support/isolated-home.js';

// Ctrl-C is exit 130 everywhere, not only in waits (interrupt.test.ts) and downloads
// (download-interrupt.test.ts): a command blocked on a request that never gets an answer ends at
// once with one line, instead of sitting out its timeout or exiting 1 with a network error. The
// signal is sent when the silent server sees the request's connection, so it lands mid-request.
let home: IsolatedHome;
let silent: Server;
let url: string;
const sockets = new Set<Socket>();
const connected: (() => void)[] = [];

beforeAll(async () => {
  home = await createIsolatedHome();
  silent = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    connected.shift()?.();
  });
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const address = silent.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  url = `http://127.0.0.1:${address.port}`;
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => silent?.close(resolve));
  await home?.remove();
});

/** Runs nimbus, sends SIGINT once the silent server has its connection, and collects the outcome. */
function interruptMidRequest(args: readonly string[], env: NodeJS.ProcessEnv) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [nimbusBin, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    connected.push(() => child.kill('SIGINT'));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const dciEnv = () => ({
  ...home.env,
  DCI_CS_URL: url,
  DCI_CLIENT_ID: 'remoteci/2f9a6c8e-93a5-4a5e-9b2e-1d1a3c1d0f11',
  DCI_API_SECRET: 'a'.repeat(64),
});

describe('Ctrl-C during a request', () => {
  it('ends `dci job list` with exit 130 and one line, long before its 1 h timeout', async () => {
    const run = await interruptMidRequest(['dci', 'job', 'list', '--timeout', '1h'], dciEnv());
    expect(run.code, run.stderr).toBe(130);
    expect(run.stderr).toBe('Interrupted\n');
    expect(run.stdout).toBe('');
  });

  it('prints the interruption as a JSON error with --json, still exit 130', async () => {
    const run = await interruptMidRequest(['dci', 'job', 'list', '--timeout', '1h', '--json'], dciEnv());
    expect(run.code, run.stderr).toBe(130);
    expect(JSON.parse(run.stdout).error).toEqual({ code: 'ABORTED', message: 'Interrupted' });
  });
});
