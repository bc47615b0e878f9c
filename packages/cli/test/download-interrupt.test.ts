import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { createServer, request, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import { type DciEmulator, startDciEmulator } from '@nimbus-sdk/dci/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nimbusBin, runNimbus } from '../../../test-support/run-cli.js';
import { createIsolatedHome, type IsolatedHome } from './support/isolated-home.js';

// Ctrl-C during `dci file download` exits 130 and leaves neither the target nor its `.part`
// behind. A pass-through proxy in front of the emulator sends the first part of a file's content
// and then holds the rest, so the download is interrupted half-way, whatever the machine's speed.
let home: IsolatedHome;
let emulator: DciEmulator;
let proxy: Server;
let proxyUrl: string;
const sockets = new Set<Socket>();
const FILE_SIZE = 1024 * 1024;
const SENT_BEFORE_STALL = 64 * 1024;

beforeAll(async () => {
  home = await createIsolatedHome();
  emulator = await startDciEmulator();
  proxy = createServer((incoming, outgoing) => {
    const upstream = new URL(emulator.url);
    // Headers go through verbatim (Host included), so the emulator verifies the client's signature.
    const forwarded = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: incoming.method,
        path: incoming.url,
        headers: incoming.headers,
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        if (!incoming.url?.endsWith('/content')) {
          answer.pipe(outgoing);
          return;
        }
        let sent = 0;
        answer.on('data', (chunk: Buffer) => {
          if (sent >= SENT_BEFORE_STALL) return;
          outgoing.write(chunk.subarray(0, SENT_BEFORE_STALL - sent));
          sent += chunk.length;
        });
      },
    );
    incoming.pipe(forwarded);
  });
  proxy.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const address = proxy.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  proxyUrl = `http://127.0.0.1:${address.port}`;
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => proxy?.close(resolve));
  await emulator?.close();
  await home?.remove();
});

const credentials = (url: string) => ({
  ...home.env,
  DCI_CS_URL: url,
  DCI_CLIENT_ID: emulator.seed.remoteci.clientId,
  DCI_API_SECRET: emulator.seed.remoteci.apiSecret,
});

/** Uploads a 1 MiB job file straight to the emulator and answers its id. */
async function uploadedFileId(): Promise<string> {
  const job = await runNimbus(
    [
      'dci',
      'job',
      'create',
      '--topic-id',
      emulator.seed.topic,
      '--components',
      emulator.seed.component,
      '--json',
    ],
    credentials(emulator.url),
  );
  expect(job.code, job.stderr).toBe(0);
  const source = join(home.root, 'big.log');
  await writeFile(source, Buffer.alloc(FILE_SIZE, 'x'));
  const file = await runNimbus(
    ['dci', 'file', 'upload', source, '--job-id', JSON.parse(job.stdout).id, '--json'],
    credentials(emulator.url),
  );
  expect(file.code, file.stderr).toBe(0);
  return JSON.parse(file.stdout).id as string;
}

/** Runs nimbus, sends SIGINT as soon as `partFile` exists, and collects the outcome. */
function interruptOnceWritten(args: readonly string[], env: NodeJS.ProcessEnv, partFile: string) {
  return new Promise<{ code: number | null; stdout: string; stderr: string; sawPart: boolean }>(
    (resolve, reject) => {
      const child = spawn(process.execPath, [nimbusBin, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      let sawPart = false;
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk;
      });
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        stderr += chunk;
      });
      const poll = setInterval(() => {
        if (!existsSync(partFile)) return;
        sawPart = true;
        clearInterval(poll);
        child.kill('SIGINT');
      }, 50);
      child.on('error', reject);
      child.on('close', (code) => {
        clearInterval(poll);
        resolve({ code, stdout, stderr, sawPart });
      });
    },
  );
}

describe('Ctrl-C during dci file download', () => {
  it('exits 130 with one line and removes the .part file, leaving no target', async () => {
    const id = await uploadedFileId();
    const dir = join(home.root, 'downloads');
    await mkdir(dir);
    const target = join(dir, 'big.log');
    const run = await interruptOnceWritten(
      ['dci', 'file', 'download', id, '--target', target],
      credentials(proxyUrl),
      `${target}.part`,
    );
    expect(run.sawPart, run.stderr).toBe(true);
    expect(run.code, run.stderr).toBe(130);
    expect(run.stderr).toBe('Interrupted\n');
    expect(await readdir(dir)).toEqual([]);
  });
});
