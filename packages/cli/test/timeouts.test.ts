import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { createProfileStore } from '@nimbus-sdk/core/provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNimbus } from '../../../test-support/run-cli.js';
import { createIsolatedHome, type IsolatedHome } from './support/isolated-home.js';

// A server that accepts connections and never answers: every command gives up by its timeout
// (--timeout, NIMBUS_TIMEOUT or the profile's `timeout`) with exit 6 instead of hanging.
let home: IsolatedHome;
let silent: Server;
let url: string;
const sockets = new Set<Socket>();

beforeAll(async () => {
  home = await createIsolatedHome();
  silent = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
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

const credentials = () => ({
  DCI_CS_URL: url,
  DCI_CLIENT_ID: 'remoteci/2f9a6c8e-93a5-4a5e-9b2e-1d1a3c1d0f11',
  DCI_API_SECRET: 'a'.repeat(64),
});

describe('request timeouts', () => {
  it('--timeout gives up on a silent server with exit 6 and a TIMEOUT error', async () => {
    const run = await runNimbus(['dci', 'job', 'list', '--timeout', '2s', '--json'], {
      ...home.env,
      ...credentials(),
    });
    expect(run.code, run.stdout + run.stderr).toBe(6);
    expect(JSON.parse(run.stdout).error.code).toBe('TIMEOUT');
  });

  it('reads the timeout from NIMBUS_TIMEOUT and from the profile section', async () => {
    const fromEnv = await runNimbus(['dci', 'job', 'list'], {
      ...home.env,
      ...credentials(),
      NIMBUS_TIMEOUT: '1s',
    });
    expect(fromEnv.code).toBe(6);

    const store = createProfileStore({ dir: join(home.env.XDG_CONFIG_HOME as string, 'nimbus') });
    const { DCI_CS_URL, DCI_CLIENT_ID, DCI_API_SECRET } = credentials();
    await store.put('slow', {
      dci: { url: DCI_CS_URL, clientId: DCI_CLIENT_ID, apiSecret: DCI_API_SECRET, timeout: '1s' },
    });
    const fromProfile = await runNimbus(['dci', 'job', 'list', '--profile', 'slow'], home.env);
    expect(fromProfile.code, fromProfile.stderr).toBe(6);
  });

  it('refuses a timeout that is not a duration before any request', async () => {
    const run = await runNimbus(['dci', 'job', 'list', '--timeout', 'soon'], {
      ...home.env,
      ...credentials(),
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('dci.timeout must be a duration such as 30s, 2m or 1h30m');
  });
});
